package org.newsdesk.retrieval.search;

/** How much a term says about a text: BM25's inverse document frequency, the one formula Newsdesk weighs terms by. */
public final class Idf {
  private Idf() {}

  /** The idf of a term found in {@code df} of {@code n} texts: {@code ln(1 + (n - df + 0.5) / (df + 0.5))}. */
  public static double of(long df, long n) {
    if (df < 0 || n < 0 || df > n) throw new IllegalArgumentException("need 0 <= df <= n, got df " + df + ", n " + n);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }
}

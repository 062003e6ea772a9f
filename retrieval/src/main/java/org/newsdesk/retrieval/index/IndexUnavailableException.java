package org.newsdesk.retrieval.index;

/**
 * The passage index cannot be reached or refuses to serve right now (a search cluster that is
 * down, unreachable, overloaded or refusing the credentials). Nothing was changed by the call that
 * failed; the same call succeeds again once the cluster is back. Distinct from "no passage
 * matches": a reader is told the articles are unavailable, never that they do not say.
 */
public final class IndexUnavailableException extends RuntimeException {
  /** {@code where} names the index (a URL and index name, never a credential); {@code reason} says what failed. */
  public IndexUnavailableException(String where, String reason, Throwable cause) {
    super("the passage index at " + where + " is unavailable: " + reason, cause);
  }
}

package org.newsdesk.bench.rtqa;

import java.util.Arrays;

/** Percentiles of latencies: the sample at rank p × (n − 1) of the sorted samples, rounded up from p99 on. */
public final class Percentiles {
  private Percentiles() {}

  /** p50 and p99 of {@code ms}, which must not be empty. */
  public static double[] p50p99(double[] ms) {
    if (ms.length == 0) throw new IllegalArgumentException("no samples");
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    return new double[] {sorted[(int) (0.50 * (sorted.length - 1))], sorted[(int) Math.ceil(0.99 * (sorted.length - 1))]};
  }
}

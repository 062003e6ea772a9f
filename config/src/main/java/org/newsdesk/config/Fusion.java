package org.newsdesk.config;

/** How the word ranking and the meaning ranking of a hybrid search are combined into one. */
public enum Fusion {
  /**
   * Each ranking's scores scaled to 0..1 between its worst and best candidate, the meaning's times
   * its weight, summed: a passage far ahead by its words keeps its place.
   */
  LINEAR,
  /** Weighted reciprocal rank fusion: a passage at rank r of a ranking scores weight / (rrf-k + r); scores are ignored. */
  RRF
}

package org.newsdesk.retrieval.index;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * How many articles of the corpus hold each paragraph fingerprint: what boilerplate detection
 * needs. A fingerprint held by two or more articles is shared. Filled by one thread, then only read.
 */
final class FingerprintCounts {
  private final Map<Long, Integer> counts = new HashMap<>();

  /** Counts one article, by its distinct fingerprints. */
  void add(Set<Long> articleFingerprints) {
    for (long f : articleFingerprints) counts.merge(f, 1, Integer::sum);
  }

  int articlesContaining(long fingerprint) {
    return counts.getOrDefault(fingerprint, 0);
  }

  /** The shared ones among {@code fingerprints}. */
  Set<Long> shared(Set<Long> fingerprints) {
    Set<Long> out = new LinkedHashSet<>();
    for (long f : fingerprints) {
      if (articlesContaining(f) >= 2) out.add(f);
    }
    return out;
  }
}

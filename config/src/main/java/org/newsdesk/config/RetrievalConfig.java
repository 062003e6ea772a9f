package org.newsdesk.config;

import java.time.Duration;

/**
 * Search: how many passages, BM25 parameters and boosts, how often to look for a new commit, and
 * the hybrid (words and meaning) retrieval over them.
 */
public record RetrievalConfig(int topK, float k1, float b, float titleBoost, float phraseBoost,
                              Duration refreshInterval, HybridConfig hybrid) {
  public static RetrievalConfig from(Settings s) {
    return new RetrievalConfig(
        s.integer("newsdesk.retrieval.top-k", 1, 50),
        (float) s.decimal("newsdesk.retrieval.k1", 0.0, 10.0),
        (float) s.decimal("newsdesk.retrieval.b", 0.0, 1.0),
        (float) s.decimal("newsdesk.retrieval.title-boost", 0.0, 10.0),
        (float) s.decimal("newsdesk.retrieval.phrase-boost", 0.0, 10.0),
        Duration.ofMillis(s.integer("newsdesk.retrieval.refresh-ms", 50, 60_000)),
        HybridConfig.from(s));
  }

  public static RetrievalConfig defaults() {
    return from(Settings.defaultsOnly());
  }

  public RetrievalConfig withPhraseBoost(float boost) {
    return new RetrievalConfig(topK, k1, b, titleBoost, boost, refreshInterval, hybrid);
  }

  public RetrievalConfig withRefreshInterval(Duration interval) {
    return new RetrievalConfig(topK, k1, b, titleBoost, phraseBoost, interval, hybrid);
  }

  public RetrievalConfig withHybrid(HybridConfig h) {
    return new RetrievalConfig(topK, k1, b, titleBoost, phraseBoost, refreshInterval, h);
  }
}

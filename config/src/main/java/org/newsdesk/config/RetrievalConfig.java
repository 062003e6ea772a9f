package org.newsdesk.config;

import java.time.Duration;

/** Search: how many passages, BM25 parameters and boosts, how often to look for a new commit. */
public record RetrievalConfig(int topK, float k1, float b, float titleBoost, float phraseBoost,
                              Duration refreshInterval) {
  public static RetrievalConfig from(Settings s) {
    return new RetrievalConfig(
        s.integer("newsdesk.retrieval.top-k", 1, 50),
        (float) s.decimal("newsdesk.retrieval.k1", 0.0, 10.0),
        (float) s.decimal("newsdesk.retrieval.b", 0.0, 1.0),
        (float) s.decimal("newsdesk.retrieval.title-boost", 0.0, 10.0),
        (float) s.decimal("newsdesk.retrieval.phrase-boost", 0.0, 10.0),
        Duration.ofMillis(s.integer("newsdesk.retrieval.refresh-ms", 50, 60_000)));
  }

  public static RetrievalConfig defaults() {
    return from(Settings.defaultsOnly());
  }
}

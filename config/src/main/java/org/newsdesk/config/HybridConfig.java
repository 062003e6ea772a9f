package org.newsdesk.config;

/**
 * Hybrid retrieval: whether passages are also found by meaning (an embedding model in process),
 * and how that ranking is fused with the word ranking ({@link Fusion}). With
 * {@code dense} off, search is BM25 alone and no model is loaded.
 *
 * @param dense whether to embed passages and questions and search by meaning too
 * @param queryPrefix put before the question (with one space between) when it is embedded; empty for none
 * @param candidates how many passages each ranking hands to the fusion
 * @param denseWeight weight of the meaning ranking against the word ranking (1.0: equal)
 * @param rrfK the rank constant of reciprocal rank fusion: a passage at rank r scores 1 / (rrfK + r)
 * @param fusion how the two rankings are combined
 * @param recencyWeight how much more a passage of an article published on the day of asking counts than an
 *     undated or long-past one (0: dates play no part); see {@link #recencyDays}
 * @param recencyDays how fast that favour fades: an article this many days from the day of asking keeps
 *     1/e of it
 */
public record HybridConfig(boolean dense, String queryPrefix, int candidates, float denseWeight, int rrfK,
                           Fusion fusion, float recencyWeight, int recencyDays) {
  public HybridConfig {
    if (queryPrefix == null) throw new IllegalArgumentException("queryPrefix is null");
    if (candidates < 1) throw new IllegalArgumentException("candidates must be >= 1, got " + candidates);
    if (!(denseWeight >= 0)) throw new IllegalArgumentException("denseWeight must be >= 0, got " + denseWeight);
    if (rrfK < 0) throw new IllegalArgumentException("rrfK must be >= 0, got " + rrfK);
    if (fusion == null) throw new IllegalArgumentException("fusion is null");
    if (!(recencyWeight >= 0)) throw new IllegalArgumentException("recencyWeight must be >= 0, got " + recencyWeight);
    if (recencyDays < 1) throw new IllegalArgumentException("recencyDays must be >= 1, got " + recencyDays);
  }

  public static HybridConfig from(Settings s) {
    return new HybridConfig(
        s.bool("newsdesk.retrieval.dense"),
        s.optionalString("newsdesk.retrieval.query-prefix").orElse(""),
        s.integer("newsdesk.retrieval.candidates", 1, 1000),
        (float) s.decimal("newsdesk.retrieval.dense-weight", 0.0, 10.0),
        s.integer("newsdesk.retrieval.rrf-k", 0, 1000),
        s.enumValue("newsdesk.retrieval.fusion", Fusion.class),
        (float) s.decimal("newsdesk.retrieval.recency-weight", 0.0, 10.0),
        s.integer("newsdesk.retrieval.recency-days", 1, 36_500));
  }

  /** The same with {@code weight} as the favour for recent news: 0 turns it off. */
  public HybridConfig withRecency(float weight) {
    return new HybridConfig(dense, queryPrefix, candidates, denseWeight, rrfK, fusion, weight, recencyDays);
  }

  /** Words only: BM25 alone, no embedding model. */
  public HybridConfig withDense(boolean on) {
    return new HybridConfig(on, queryPrefix, candidates, denseWeight, rrfK, fusion, recencyWeight, recencyDays);
  }
}

package org.newsdesk.bot.review;

import org.newsdesk.retrieval.embed.BgeSmallEmbeddingModel;

/**
 * The real embedding model, loaded once for the tests that measure or show grouping by meaning
 * (about a second); its native memory goes with the test JVM.
 */
final class Bge {
  private static BgeSmallEmbeddingModel model;

  private Bge() {}

  static synchronized BgeSmallEmbeddingModel model() {
    if (model == null) model = new BgeSmallEmbeddingModel();
    return model;
  }

  /** The vector of {@code question} as the answer log stores it. */
  static float[] vector(String question) {
    return model().embed(question).content().vector();
  }
}

package org.newsdesk.retrieval.embed;

import dev.langchain4j.model.embedding.EmbeddingModel;

/**
 * A model that adds to another's embedding (remembering, counting, looking vectors up first) and
 * is that model by name and dimension. Not {@link AutoCloseable}: the model beneath belongs to
 * whoever made it.
 */
public abstract class WrappedEmbeddingModel implements EmbeddingModel {
  /** The model beneath. */
  protected final EmbeddingModel model;

  protected WrappedEmbeddingModel(EmbeddingModel model) {
    this.model = model;
  }

  @Override
  public final String modelName() {
    return model.modelName();
  }

  @Override
  public final int dimension() {
    return model.dimension();
  }
}

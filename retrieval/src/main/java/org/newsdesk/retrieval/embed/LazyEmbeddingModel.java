package org.newsdesk.retrieval.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An embedding model known by name and dimension, loaded on its first embedding: an index can be
 * checked against the model, and an unchanged reindex run, without loading it. Safe for
 * concurrent callers; the model is loaded once.
 */
public final class LazyEmbeddingModel implements EmbeddingModel, AutoCloseable {
  private final String name;
  private final int dimension;
  private final Supplier<? extends EmbeddingModel> factory;
  private volatile EmbeddingModel model;

  public LazyEmbeddingModel(String name, int dimension, Supplier<? extends EmbeddingModel> factory) {
    this.name = Objects.requireNonNull(name, "name");
    if (dimension < 1) throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
    this.dimension = dimension;
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  /** bge-small-en-v1.5, loaded when first needed. */
  public static LazyEmbeddingModel bgeSmall() {
    return new LazyEmbeddingModel(BgeSmallEmbeddingModel.NAME, BgeSmallEmbeddingModel.DIMENSION,
        BgeSmallEmbeddingModel::new);
  }

  /** Whether the model has been loaded. */
  public boolean loaded() {
    return model != null;
  }

  private EmbeddingModel model() {
    EmbeddingModel m = model;
    if (m == null) {
      synchronized (this) {
        m = model;
        if (m == null) {
          m = Objects.requireNonNull(factory.get(), "embedding model factory gave null");
          if (!m.modelName().equals(name)) {
            throw new IllegalStateException("the factory of " + name + " made the model " + m.modelName());
          }
          model = m;
        }
      }
    }
    return m;
  }

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    return model().embedAll(segments);
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public String modelName() {
    return name;
  }

  /** Closes the model if it was loaded and holds resources (native memory of an ONNX session). */
  @Override
  public void close() {
    if (model instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        throw new IllegalStateException("cannot close the embedding model " + name, e);
      }
    }
  }
}

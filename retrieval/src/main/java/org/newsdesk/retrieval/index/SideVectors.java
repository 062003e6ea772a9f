package org.newsdesk.retrieval.index;

import java.io.IOException;
import java.util.List;
import org.newsdesk.retrieval.Passage;

/**
 * Vectors a reindex makes beside the passages' own, for whatever reads the passages later (the
 * reader's sentences): told of each file's passages as they are written, it embeds what it does
 * not hold yet on the reindex's own embedding workers, and commits just before the index does.
 */
public interface SideVectors {
  /** Embeds texts with the reindex's model, one vector per text, in order. */
  @FunctionalInterface
  interface Embedder {
    List<float[]> embed(List<String> texts) throws IOException;
  }

  /**
   * Whether it holds what every passage of the index needs, as far as it knows: false when it was
   * never filled for this model, and then the reindex rewrites every file (reusing the passages'
   * vectors) so that it is.
   */
  boolean complete() throws IOException;

  /** Makes, with {@code embed}, what {@code passages} need and it lacks; returns how many texts it embedded. */
  int add(List<Passage> passages, Embedder embed) throws IOException;

  /** Makes what was added durable and visible; called once, before the index's own commit. */
  void commit() throws IOException;
}

package org.newsdesk.retrieval.index;

import java.util.Objects;
import java.util.Optional;

/**
 * How an index was built, recorded with each commit: the embedding model of its vectors (empty
 * when it holds none) and a digest of the ingest settings that shape passages (passage sizes,
 * boilerplate patterns). An index built otherwise than the configuration asks is rewritten by the
 * next reindex; vectors of unchanged passage text are reused whenever the model is the same.
 */
public record IndexSignature(Optional<String> embeddingModel, String ingest) {
  public static final IndexSignature NONE = new IndexSignature(Optional.empty(), "");

  public IndexSignature {
    Objects.requireNonNull(embeddingModel, "embeddingModel");
    Objects.requireNonNull(ingest, "ingest");
  }
}

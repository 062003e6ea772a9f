package org.newsdesk.bench.rtqa;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.newsdesk.retrieval.embed.WrappedEmbeddingModel;

/**
 * A model that counts the texts it embeds: how many passages a build embedded rather than reused.
 * It is not {@link AutoCloseable}, so an application it is given to does not close the model
 * beneath it, which can then serve several applications in turn.
 */
public final class CountingEmbeddingModel extends WrappedEmbeddingModel {
  private final AtomicInteger texts = new AtomicInteger();

  public CountingEmbeddingModel(EmbeddingModel model) {
    super(model);
  }

  /** Texts embedded so far. */
  public int texts() {
    return texts.get();
  }

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    texts.addAndGet(segments.size());
    return model.embedAll(segments);
  }
}

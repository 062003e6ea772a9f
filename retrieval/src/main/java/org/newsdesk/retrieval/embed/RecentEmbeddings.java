package org.newsdesk.retrieval.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model that remembers the vectors of the last texts it embedded, so a text asked for again is
 * not run through the model again: answering a question embeds it for the search, for the reader
 * and for the answer log, and readers' questions bring back the same articles' sentences. Vectors
 * are the model's own; only the repeat is saved. The text used least recently is forgotten first.
 * Not {@link AutoCloseable}: the model beneath it belongs to whoever made it.
 */
public final class RecentEmbeddings extends WrappedEmbeddingModel {
  /**
   * Texts remembered by default: some 30 MB of vectors and texts. Readers ask about the same news,
   * and its sentences come back: over rtqa-2024's 1,023 quiz questions asked in their order, {@code ask}
   * p50 was 47 ms against 54 ms with 256 over one build, and 44 against 49 ms over another (medians of
   * four and three runs; docs/BENCHMARKS.md).
   */
  private static final int REMEMBERED = 16_384;

  private final int capacity;
  private final Map<String, Embedding> recent;

  public RecentEmbeddings(EmbeddingModel model) {
    this(model, REMEMBERED);
  }

  /** Remembers the vectors of the last {@code capacity} texts. */
  RecentEmbeddings(EmbeddingModel model, int capacity) {
    super(model);
    if (capacity < 1) throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    this.capacity = capacity;
    this.recent = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Embedding> eldest) {
        return size() > RecentEmbeddings.this.capacity;
      }
    };
  }

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    List<Embedding> out = new ArrayList<>(segments.size());
    List<TextSegment> missing = new ArrayList<>();
    synchronized (recent) {
      for (TextSegment s : segments) {
        Embedding e = recent.get(s.text());
        out.add(e);
        if (e == null) missing.add(s);
      }
    }
    if (missing.isEmpty()) return Response.from(out);
    List<Embedding> made = model.embedAll(missing).content();
    synchronized (recent) {
      int next = 0;
      for (int i = 0; i < out.size(); i++) {
        if (out.get(i) != null) continue;
        Embedding e = made.get(next++);
        out.set(i, e);
        recent.put(segments.get(i).text(), e);
      }
    }
    return Response.from(out);
  }
}

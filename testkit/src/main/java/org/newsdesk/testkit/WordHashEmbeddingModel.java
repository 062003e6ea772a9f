package org.newsdesk.testkit;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in embedding model, small, quick and deterministic: each word of three letters or more
 * (lower-cased, a few function words left out) adds one to a dimension picked by its hash, plus a
 * constant last dimension so no vector is zero; the vector is normalised. Texts sharing words are
 * near each other, so a test can predict what a search by meaning finds. Counts what it embeds.
 */
public final class WordHashEmbeddingModel implements EmbeddingModel {
  public static final String NAME = "word-hash-64";
  public static final int DIMENSION = 64;
  private static final Set<String> SKIPPED = Set.of("the", "and", "for", "was", "were", "are", "with", "that", "this",
      "from", "its", "has", "have", "had", "will", "which", "who", "what", "when", "where", "why", "how");

  private final String name;
  private final AtomicInteger texts = new AtomicInteger();
  private final AtomicInteger calls = new AtomicInteger();

  public WordHashEmbeddingModel() {
    this(NAME);
  }

  /** The same vectors under another name: an index built with it has vectors of "another model". */
  public WordHashEmbeddingModel(String name) {
    this.name = name;
  }

  /** The vector of {@code text}, as {@link #embedAll} gives it (not counted). */
  public float[] vector(String text) {
    float[] v = new float[DIMENSION];
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (word.length() < 3 || SKIPPED.contains(word)) continue;
      v[Math.floorMod(word.hashCode(), DIMENSION - 1)] += 1;
    }
    v[DIMENSION - 1] = 0.5f;
    double norm = 0;
    for (float x : v) norm += x * x;
    float n = (float) Math.sqrt(norm);
    for (int i = 0; i < v.length; i++) v[i] /= n;
    return v;
  }

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    calls.incrementAndGet();
    texts.addAndGet(segments.size());
    List<Embedding> out = new ArrayList<>(segments.size());
    for (TextSegment s : segments) out.add(Embedding.from(vector(s.text())));
    return Response.from(out);
  }

  /** Texts embedded so far. */
  public int texts() {
    return texts.get();
  }

  /** Calls of {@link #embedAll} so far. */
  public int calls() {
    return calls.get();
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public String modelName() {
    return name;
  }
}

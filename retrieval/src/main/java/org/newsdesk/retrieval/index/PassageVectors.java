package org.newsdesk.retrieval.index;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.ToLongFunction;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.embed.EmbeddedText;

/**
 * Gives each passage of a file its vector: reused, by the hash of its embedded text, from the
 * first {@link VectorSource} that holds it (the index's last commit, then any kept earlier build),
 * and embedded only when none does. The texts to embed are cut into small batches run on a pool
 * of embedding workers (one per core), whatever the number of files: one big file keeps every core
 * busy, and progress moves batch by batch. Safe to call from several threads; {@link #close} stops
 * the workers.
 */
final class PassageVectors implements Closeable {
  /** Texts per call of the model: small, so the workers share a file's passages and progress is smooth. */
  static final int BATCH = 8;

  private final EmbeddingModel model;
  private final List<VectorSource> sources;
  private final ReindexProgress progress;
  private final ExecutorService workers;
  private final AtomicInteger embedded = new AtomicInteger();
  private final AtomicInteger reused = new AtomicInteger();
  private final AtomicInteger otherTexts = new AtomicInteger();

  PassageVectors(EmbeddingModel model, List<VectorSource> sources, int threads, ReindexProgress progress) {
    this.model = model;
    this.sources = List.copyOf(sources);
    this.progress = progress;
    this.workers = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("embed-", 1).daemon().factory());
  }

  /** Passages embedded by the model so far. */
  int embedded() {
    return embedded.get();
  }

  /** Passages whose vector was reused so far. */
  int reused() {
    return reused.get();
  }

  /**
   * {@code update} with a vector for each passage. Articles are reported done, in order, as soon as
   * all their passages have a vector, with their length by {@code charsOf} (of an article id).
   */
  FileUpdate withVectors(FileUpdate update, ToLongFunction<String> charsOf) throws IOException {
    List<Passage> passages = update.passages();
    List<String> hashes = new ArrayList<>(passages.size());
    Map<String, String> texts = new LinkedHashMap<>();
    for (Passage p : passages) {
      String text = EmbeddedText.of(p);
      String hash = EmbeddedText.hash(text);
      hashes.add(hash);
      texts.putIfAbsent(hash, text);
    }
    Map<String, float[]> found = new HashMap<>();
    for (VectorSource source : sources) {
      List<String> missing = texts.keySet().stream().filter(h -> !found.containsKey(h)).toList();
      if (missing.isEmpty()) break;
      found.putAll(source.vectors(missing));
    }
    List<String> toEmbed = texts.keySet().stream().filter(h -> !found.containsKey(h)).toList();
    reused.addAndGet((int) hashes.stream().filter(found::containsKey).count());

    List<Future<List<Embedding>>> batches = submit(toEmbed.stream().map(texts::get).toList(), n -> {
      embedded.addAndGet(n);
      progress.embedded(n);
    });
    ArticleCursor articles = new ArticleCursor(passages, hashes, charsOf);
    int next = 0;
    for (Future<List<Embedding>> batch : batches) {
      for (Embedding e : await(batch)) found.put(toEmbed.get(next++), e.vector());
      articles.advance(found);
    }
    articles.advance(found);

    List<float[]> vectors = hashes.stream().map(found::get).toList();
    return new FileUpdate(update.path(), passages, vectors, update.manifest(), update.result());
  }

  /**
   * Other texts than passages (the reader's sentences) embedded on the same workers, one vector per
   * text in order; counted apart from the passages.
   */
  List<float[]> embed(List<String> texts) throws IOException {
    List<float[]> out = new ArrayList<>(texts.size());
    for (Future<List<Embedding>> batch : submit(texts, n -> {
      otherTexts.addAndGet(n);
      progress.embeddedOther(n);
    })) {
      for (Embedding e : await(batch)) out.add(e.vector());
    }
    return out;
  }

  /** Texts embedded by the model that were not passages. */
  int otherTexts() {
    return otherTexts.get();
  }

  /** {@code texts} cut into batches for the workers; {@code done} is told each batch's size once it is embedded. */
  private List<Future<List<Embedding>>> submit(List<String> texts, IntConsumer done) {
    List<Future<List<Embedding>>> batches = new ArrayList<>();
    for (int from = 0; from < texts.size(); from += BATCH) {
      List<TextSegment> batch = texts.subList(from, Math.min(texts.size(), from + BATCH)).stream()
          .map(TextSegment::from).toList();
      batches.add(workers.submit(() -> {
        List<Embedding> out = model.embedAll(batch).content();
        if (out.size() != batch.size()) {
          throw new IllegalStateException(model.modelName() + " gave " + out.size() + " vectors for " + batch.size() + " texts");
        }
        done.accept(batch.size());
        return out;
      }));
    }
    return batches;
  }

  private static <T> T await(Future<T> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("embedding interrupted", e);
    } catch (ExecutionException e) {
      throw Parallel.unwrapped(e);
    }
  }

  /** Walks a file's passages in order and reports each article once all its passages have a vector. */
  private final class ArticleCursor {
    private final List<Passage> passages;
    private final List<String> hashes;
    private final ToLongFunction<String> charsOf;
    private int at;

    ArticleCursor(List<Passage> passages, List<String> hashes, ToLongFunction<String> charsOf) {
      this.passages = passages;
      this.hashes = hashes;
      this.charsOf = charsOf;
    }

    void advance(Map<String, float[]> ready) {
      int done = 0;
      long chars = 0;
      while (at < passages.size() && ready.containsKey(hashes.get(at))) {
        String id = passages.get(at).articleId();
        if (at + 1 == passages.size() || !passages.get(at + 1).articleId().equals(id)) {
          done++;
          chars += charsOf.applyAsLong(id);
        }
        at++;
      }
      if (done > 0) progress.articlesDone(done, chars);
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}

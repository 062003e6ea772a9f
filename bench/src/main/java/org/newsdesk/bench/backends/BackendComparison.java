package org.newsdesk.bench.backends;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import org.newsdesk.bench.rtqa.CountingEmbeddingModel;
import org.newsdesk.bench.rtqa.Percentiles;
import org.newsdesk.bench.rtqa.RtqaQuestion;
import org.newsdesk.config.IndexConfig;
import org.newsdesk.config.IngestConfig;
import org.newsdesk.config.RetrievalConfig;
import org.newsdesk.retrieval.index.ArticleIndexer;
import org.newsdesk.retrieval.index.LucenePassageIndex;
import org.newsdesk.retrieval.index.LuceneVectorSource;
import org.newsdesk.retrieval.index.PassageIndex;
import org.newsdesk.retrieval.index.ReindexReport;
import org.newsdesk.retrieval.index.VectorSource;
import org.newsdesk.retrieval.index.opensearch.OpenSearchPassageIndex;
import org.newsdesk.retrieval.search.HybridSearcher;
import org.newsdesk.retrieval.search.ScoredPassage;

/**
 * It stays one class, over 300 lines, because it is one measurement read top to bottom: the two runs
 * must index, search and report in exactly the same way, and keeping them side by side shows that.
 *
 * <p>The embedded Lucene index and an OpenSearch cluster on one corpus, one after the other, searched
 * as the product searches them ({@link HybridSearcher}: words and meaning fused when dense retrieval
 * is on, BM25 alone when it is off): indexing wall time and throughput, passages embedded, answer
 * recall at 1/5/10 on RealTimeQA-style questions (scored as the eval README says), query latency
 * (the question's embedding included) from one client thread and from four, and what the cluster
 * holds (heap, resident memory, store) per passage. The cluster's run takes the vectors the Lucene
 * run made (or an earlier one kept in the work folder), so the model embeds each passage once and
 * the cluster's indexing time is its writing; the Lucene run takes those of the Lucene index the
 * run before left in the work folder, so a rerun embeds nothing.
 */
public final class BackendComparison {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int[] KS = {1, 5, 10};

  private record Run(String backend, ReindexReport report, double indexSeconds, int embedded, double[] recall,
                     double[] oneThread, double[] fourThreads, double qps4) {}

  private final IngestConfig ingest;
  private final RetrievalConfig retrieval;
  private final Optional<CountingEmbeddingModel> model;
  private final int threads;

  /** {@code model} is the embedding model of dense retrieval: present exactly when {@code retrieval} has it on. */
  public BackendComparison(IngestConfig ingest, RetrievalConfig retrieval, Optional<EmbeddingModel> model,
                           int threads) {
    this.ingest = ingest;
    this.retrieval = retrieval;
    this.model = model.map(CountingEmbeddingModel::new);
    this.threads = threads;
  }

  private Optional<EmbeddingModel> model() {
    return model.map(m -> m);
  }

  private int embedded() {
    return model.map(CountingEmbeddingModel::texts).orElse(0);
  }

  /**
   * Runs Lucene (a fresh index under {@code work}) and then the cluster of {@code cluster} (rebuilt
   * from scratch), printing each result and a table. {@code randomVectors} (dense retrieval off
   * only) gives the cluster's passages random vectors and times nearest-neighbour queries alone.
   */
  public void run(Path articles, List<RtqaQuestion> questions, Path work, IndexConfig cluster, boolean lucene,
                  boolean randomVectors, PrintStream out) throws Exception {
    if (randomVectors && model.isPresent()) {
      throw new IllegalArgumentException("random vectors stand in for the model's: only with dense retrieval off");
    }
    String mode = model.map(m -> "words and meaning fused (" + m.modelName() + ")").orElse("words only (BM25)");
    out.println("search: " + mode);
    List<Run> runs = new ArrayList<>();
    List<VectorSource> kept = new ArrayList<>();
    Path luceneDir = work.resolve("lucene-index");
    if (lucene) {
      // The Lucene index of the run before (kept under the work folder) lends its vectors to the fresh one.
      Path previous = work.resolve("previous-lucene-index");
      deleteTree(previous);
      if (Files.isDirectory(luceneDir)) Files.move(luceneDir, previous);
      try (LuceneVectorSource before = vectorsIn(previous);
           LucenePassageIndex index = new LucenePassageIndex(luceneDir, retrieval)) {
        runs.add(build("lucene (embedded)", index, before == null ? List.of() : List.of(before), articles, questions));
      }
      deleteTree(previous);
      out.println(line(runs.getLast()));
    }
    dropIndexes(cluster.openSearch());
    // The Lucene index of this run (or of an earlier run kept under the same work folder) lends its vectors.
    try (LuceneVectorSource vectors = vectorsIn(luceneDir)) {
      if (vectors != null) kept.add(vectors);
      PassageIndex opened = OpenSearchPassageIndex.open(cluster.openSearch(), retrieval);
      try (PassageIndex index = randomVectors ? new RandomVectors(opened) : opened) {
        String name = "opensearch " + cluster.openSearch().url() + (randomVectors ? " + random vectors" : "");
        Run run = build(name, index, kept, articles, questions);
        runs.add(run);
        out.println(line(run));
        printResults(index, run.report(), questions, runs, cluster, out);
      }
    }
  }

  /** Indexes {@code articles} into {@code index} (vectors found in {@code kept} are not embedded again), then searches it. */
  private Run build(String name, PassageIndex index, List<VectorSource> kept, Path articles, List<RtqaQuestion> questions)
      throws Exception {
    int embeddedBefore = embedded();
    long t0 = System.nanoTime();
    ReindexReport report = new ArticleIndexer(index, ingest, model(), threads, kept).reindex(articles);
    double seconds = (System.nanoTime() - t0) / 1e9;
    int embedded = embedded() - embeddedBefore;
    index.refresh();
    HybridSearcher searcher = new HybridSearcher(index, model(), retrieval.hybrid());
    return measure(name, report, seconds, embedded, questions, (q, k) -> searcher.search(q.text(), k, q.askedOn()));
  }

  /** Prints the nearest-neighbour timing of random vectors (when the cluster has them), the table and the cluster's figures. */
  private void printResults(PassageIndex index, ReindexReport report, List<RtqaQuestion> questions, List<Run> runs,
                            IndexConfig cluster, PrintStream out) throws Exception {
    if (index instanceof RandomVectors vectors) {
      List<RtqaQuestion> probes = new ArrayList<>();
      List<float[]> queryVectors = new ArrayList<>();
      for (RtqaQuestion q : questions) {
        probes.add(new RtqaQuestion(Integer.toString(probes.size()), "", q.askedOn()));
        queryVectors.add(vectors.next());
      }
      Run knn = measure("opensearch nearest (k=10, random vectors)", report, 0, 0, probes,
          (q, k) -> index.nearest(queryVectors.get(Integer.parseInt(q.text())), k));
      out.printf(Locale.ROOT, "nearest k=10: p50 / p99 %.2f / %.2f ms from 1 thread, %.2f / %.2f ms from 4 (%.0f queries/s)%n",
          knn.oneThread()[0], knn.oneThread()[1], knn.fourThreads()[0], knn.fourThreads()[1], knn.qps4());
    }
    out.println();
    out.print(table(runs));
    out.println();
    out.print(clusterFigures(cluster.openSearch(), report.passages()));
  }

  private Run measure(String backend, ReindexReport report, double seconds, int embedded, List<RtqaQuestion> questions,
                      BiFunction<RtqaQuestion, Integer, List<ScoredPassage>> search) throws Exception {
    for (int i = 0; i < Math.min(100, questions.size()); i++) search.apply(questions.get(i), 10); // warm up
    int[] hits = new int[KS.length];
    double[] single = new double[questions.size()];
    for (int i = 0; i < questions.size(); i++) {
      RtqaQuestion q = questions.get(i);
      long t = System.nanoTime();
      List<ScoredPassage> top = search.apply(q, 10);
      single[i] = (System.nanoTime() - t) / 1e6;
      for (int k = 0; k < KS.length; k++) {
        int limit = KS[k];
        if (top.stream().limit(limit).anyMatch(h -> q.answeredBy(h.passage().text()))) hits[k]++;
      }
    }
    double[] recall = new double[KS.length];
    for (int k = 0; k < KS.length; k++) recall[k] = (double) hits[k] / questions.size();
    double[] four = new double[questions.size()];
    long t0 = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < questions.size(); i++) {
        int n = i;
        done.add(pool.submit(() -> {
          long t = System.nanoTime();
          search.apply(questions.get(n), 10);
          four[n] = (System.nanoTime() - t) / 1e6;
        }));
      }
      for (Future<?> f : done) f.get();
    }
    double qps = questions.size() / ((System.nanoTime() - t0) / 1e9);
    return new Run(backend, report, seconds, embedded, recall, Percentiles.p50p99(single), Percentiles.p50p99(four), qps);
  }

  private static String line(Run r) {
    return String.format(Locale.ROOT, "%s: %s in %.1f s, %,d passages embedded", r.backend(), r.report().countsLine(),
        r.indexSeconds(), r.embedded());
  }

  private static String table(List<Run> runs) {
    StringBuilder sb = new StringBuilder();
    sb.append("| backend | passages | embedded | index wall s | passages/s | R@1 | R@5 | R@10 | p50 / p99 ms, 1 thread"
        + " | p50 / p99 ms, 4 threads | queries/s, 4 threads |\n");
    sb.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (Run r : runs) {
      sb.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %.1f | %,.0f | %.3f | %.3f | %.3f | %.2f / %.2f | %.2f / %.2f | %.0f |%n",
          r.backend(), r.report().passages(), r.embedded(), r.indexSeconds(), r.report().passages() / r.indexSeconds(),
          r.recall()[0], r.recall()[1], r.recall()[2], r.oneThread()[0], r.oneThread()[1], r.fourThreads()[0],
          r.fourThreads()[1], r.qps4()));
    }
    return sb.toString();
  }

  /** Heap, resident memory and store of the cluster's nodes, with the per-passage figures they give. */
  private static String clusterFigures(IndexConfig.OpenSearch config, int passages) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    JsonNode nodes = get(http, config.url(), "/_nodes/stats/jvm,indices").path("nodes");
    JsonNode info = get(http, config.url(), "/_nodes/process").path("nodes");
    JsonNode store = get(http, config.url(), "/" + config.index() + "/_stats/store,docs");
    StringBuilder sb = new StringBuilder("| node | heap used MB | heap max MB | RSS MB | segments MB (heap) |\n"
        + "| --- | --- | --- | --- | --- |\n");
    for (var entry : nodes.properties()) {
      JsonNode node = entry.getValue();
      long pid = info.path(entry.getKey()).path("process").path("id").asLong(-1);
      sb.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %s | %.1f |%n", node.path("name").asText(),
          mb(node.path("jvm").path("mem").path("heap_used_in_bytes").asLong()),
          mb(node.path("jvm").path("mem").path("heap_max_in_bytes").asLong()), rss(pid),
          mb(node.path("indices").path("segments").path("memory_in_bytes").asLong())));
    }
    long primary = store.path("_all").path("primaries").path("store").path("size_in_bytes").asLong();
    long total = store.path("_all").path("total").path("store").path("size_in_bytes").asLong();
    long docs = store.path("_all").path("primaries").path("docs").path("count").asLong();
    sb.append(String.format(Locale.ROOT, "%nstore: %.1f MB primary, %.1f MB with replicas; %,d documents"
        + " (passages, manifests, commit); %.0f bytes of primary store per passage%n",
        mb(primary), mb(total), docs, (double) primary / passages));
    return sb.toString();
  }

  /** Deletes the alias's indexes, so the cluster builds from scratch as Lucene does. */
  private static void dropIndexes(IndexConfig.OpenSearch config) throws IOException, InterruptedException {
    HttpClient.newHttpClient().send(HttpRequest.newBuilder(config.url().resolve("/" + config.index()
        + "-*?expand_wildcards=all")).DELETE().build(), HttpResponse.BodyHandlers.discarding());
  }

  /** The vectors of this run's model that a Lucene index at {@code dir} holds; null when it holds none. */
  private LuceneVectorSource vectorsIn(Path dir) throws IOException {
    if (model.isEmpty() || !Files.isDirectory(dir)) return null;
    try {
      return LuceneVectorSource.open(dir, model.get().modelName());
    } catch (NoSuchFileException | IllegalArgumentException e) {
      return null; // no committed index there, or one without vectors of this model
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  private static JsonNode get(HttpClient http, URI base, String path) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body());
  }

  /** The resident memory of a process on this machine, from /proc; "?" for one elsewhere. */
  private static String rss(long pid) {
    try {
      for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (l.startsWith("VmRSS:")) {
          return String.format(Locale.ROOT, "%.0f", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0);
        }
      }
    } catch (IOException | RuntimeException e) {
      return "?";
    }
    return "?";
  }

  private static double mb(long bytes) {
    return bytes / 1048576.0;
  }
}

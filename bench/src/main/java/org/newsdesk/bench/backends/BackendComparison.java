package org.newsdesk.bench.backends;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import org.newsdesk.config.IndexConfig;
import org.newsdesk.config.IngestConfig;
import org.newsdesk.config.RetrievalConfig;
import org.newsdesk.retrieval.index.ArticleIndexer;
import org.newsdesk.retrieval.index.PassageIndex;
import org.newsdesk.retrieval.index.PassageIndexes;
import org.newsdesk.retrieval.index.ReindexReport;
import org.newsdesk.retrieval.search.LucenePassageSearcher;
import org.newsdesk.retrieval.search.ScoredPassage;

/**
 * The embedded Lucene index and an OpenSearch cluster on one corpus, one after the other: indexing
 * wall time and throughput, answer recall at 1/5/10 on RealTimeQA-style questions (scored as the
 * eval README says), query latency from one client thread and from four, and what the cluster
 * holds (heap, resident memory, store) per passage. Lexical ranking only: both backends answer the
 * same BM25 query.
 */
public final class BackendComparison {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int[] KS = {1, 5, 10};

  /** A question and the answer text a hit must contain. */
  public record Question(String text, String answer) {}

  private record Run(String backend, ReindexReport report, double indexSeconds, double[] recall,
                     double[] oneThread, double[] fourThreads, double qps4) {}

  private final IngestConfig ingest;
  private final RetrievalConfig retrieval;
  private final int threads;

  public BackendComparison(IngestConfig ingest, RetrievalConfig retrieval, int threads) {
    this.ingest = ingest;
    this.retrieval = retrieval;
    this.threads = threads;
  }

  /** RealTimeQA's questions.jsonl: {@code question} and {@code answer} of each line. */
  public static List<Question> questions(Path file) throws IOException {
    List<Question> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) continue;
      JsonNode q = JSON.readTree(line);
      out.add(new Question(q.path("question").asText(), q.path("answer").asText()));
    }
    return out;
  }

  /** Runs Lucene (under {@code work}) and then the cluster of {@code cluster}, printing each result and a table. */
  public void run(Path articles, List<Question> questions, Path work, IndexConfig cluster, boolean lucene,
                  boolean randomVectors, PrintStream out) throws Exception {
    List<Run> runs = new ArrayList<>();
    if (lucene) {
      Path dir = work.resolve("lucene-index");
      long t0 = System.nanoTime();
      ReindexReport report = new ArticleIndexer(dir, ingest, threads, 64).reindex(articles);
      double seconds = (System.nanoTime() - t0) / 1e9;
      try (LucenePassageSearcher searcher = new LucenePassageSearcher(dir, retrieval)) {
        runs.add(measure("lucene (embedded)", report, seconds, questions, searcher::search));
      }
      out.println(line(runs.getLast()));
    }
    dropIndexes(cluster.openSearch());
    PassageIndex opened = PassageIndexes.cluster(cluster, retrieval).orElseThrow();
    try (PassageIndex index = randomVectors ? new RandomVectors(opened) : opened) {
      long t0 = System.nanoTime();
      ReindexReport report = new ArticleIndexer(index, ingest, threads).reindex(articles);
      double seconds = (System.nanoTime() - t0) / 1e9;
      index.refresh();
      String name = "opensearch " + cluster.openSearch().url() + (randomVectors ? " + random vectors" : "");
      runs.add(measure(name, report, seconds, questions, index::lexical));
      out.println(line(runs.getLast()));
      if (index instanceof RandomVectors vectors) {
        List<Question> probes = new ArrayList<>();
        List<float[]> queryVectors = new ArrayList<>();
        for (Question q : questions) {
          probes.add(new Question(Integer.toString(probes.size()), ""));
          queryVectors.add(vectors.next());
        }
        Run knn = measure("opensearch nearest (k=10, random vectors)", report, seconds, probes,
            (q, k) -> index.nearest(queryVectors.get(Integer.parseInt(q)), k));
        out.printf(Locale.ROOT, "nearest k=10: p50 / p99 %.2f / %.2f ms from 1 thread, %.2f / %.2f ms from 4 (%.0f queries/s)%n",
            knn.oneThread()[0], knn.oneThread()[1], knn.fourThreads()[0], knn.fourThreads()[1], knn.qps4());
      }
      out.println();
      out.print(table(runs));
      out.println();
      out.print(clusterFigures(cluster.openSearch(), report.passages()));
    }
  }

  private Run measure(String backend, ReindexReport report, double seconds, List<Question> questions,
                      BiFunction<String, Integer, List<ScoredPassage>> search) throws Exception {
    for (int i = 0; i < Math.min(100, questions.size()); i++) search.apply(questions.get(i).text(), 10); // warm up
    int[] hits = new int[KS.length];
    double[] single = new double[questions.size()];
    for (int i = 0; i < questions.size(); i++) {
      Question q = questions.get(i);
      long t = System.nanoTime();
      List<ScoredPassage> top = search.apply(q.text(), 10);
      single[i] = (System.nanoTime() - t) / 1e6;
      String answer = normalise(q.answer());
      for (int k = 0; k < KS.length; k++) {
        int limit = KS[k];
        if (top.stream().limit(limit).anyMatch(h -> normalise(h.passage().text()).contains(answer))) hits[k]++;
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
          search.apply(questions.get(n).text(), 10);
          four[n] = (System.nanoTime() - t) / 1e6;
        }));
      }
      for (Future<?> f : done) f.get();
    }
    double qps = questions.size() / ((System.nanoTime() - t0) / 1e9);
    return new Run(backend, report, seconds, recall, percentiles(single), percentiles(four), qps);
  }

  /** The eval README's normal form: lower case, each run of non-word characters one space, padded. */
  static String normalise(String text) {
    return " " + text.toLowerCase(Locale.ROOT).replaceAll("[\\W_]+", " ").strip() + " ";
  }

  /** p50 and p99. */
  private static double[] percentiles(double[] ms) {
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    return new double[] {sorted[(int) (0.50 * (sorted.length - 1))], sorted[(int) Math.ceil(0.99 * (sorted.length - 1))]};
  }

  private static String line(Run r) {
    return String.format(Locale.ROOT, "%s: %s in %.1f s", r.backend(), r.report().countsLine(), r.indexSeconds());
  }

  private static String table(List<Run> runs) {
    StringBuilder sb = new StringBuilder();
    sb.append("| backend | passages | index wall s | passages/s | R@1 | R@5 | R@10 | p50 / p99 ms, 1 thread"
        + " | p50 / p99 ms, 4 threads | queries/s, 4 threads |\n");
    sb.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (Run r : runs) {
      sb.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %,.0f | %.3f | %.3f | %.3f | %.2f / %.2f | %.2f / %.2f | %.0f |%n",
          r.backend(), r.report().passages(), r.indexSeconds(), r.report().passages() / r.indexSeconds(),
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

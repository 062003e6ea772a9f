package org.newsdesk.bench.retrieval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.newsdesk.config.IngestConfig;
import org.newsdesk.config.RetrievalConfig;
import org.newsdesk.retrieval.index.ArticleIndexer;
import org.newsdesk.retrieval.index.ReindexReport;
import org.newsdesk.retrieval.index.ReindexReport.Bucket;
import org.newsdesk.retrieval.index.LucenePassageIndex;
import org.newsdesk.retrieval.search.HybridSearcher;
import org.newsdesk.retrieval.search.PassageSearcher;
import org.newsdesk.testkit.CorpusGenerator;

/**
 * Speed of indexing and search on a generated corpus (see {@link CorpusGenerator}): indexing MB/s
 * and passages/s with all cores, the no-change reindex, single-threaded query latency, queries/s
 * with two threads, and heap in use after opening the index. Deletes what it wrote.
 */
public final class RetrievalSpeedBenchmark {
  private static final long SEED = 20240321L;

  private final IngestConfig ingest;
  private final RetrievalConfig retrieval;

  public RetrievalSpeedBenchmark(IngestConfig ingest, RetrievalConfig retrieval) {
    this.ingest = ingest;
    this.retrieval = retrieval;
  }

  public void run(Optional<Path> squad, Path work, long targetBytes, int questionCount, PrintStream out)
      throws IOException, InterruptedException {
    try {
      List<String> vocabulary = squad.isPresent() ? SquadDataset.read(squad.get()).vocabulary()
          : CorpusGenerator.smallVocabulary();
      Path articles = work.resolve("articles");
      Path index = work.resolve("index");
      long t0 = System.nanoTime();
      CorpusGenerator.Corpus corpus = new CorpusGenerator(vocabulary, SEED).write(articles, targetBytes, questionCount);
      out.printf(Locale.ROOT, "Corpus: %d articles, %.1f MB, vocabulary of %d words (%s), Zipf s=1, seed %d, written in %.1f s%n",
          corpus.articles(), corpus.bytes() / 1e6, vocabulary.size(), squad.isPresent() ? "SQuAD contexts" : "built-in",
          SEED, secs(t0));
      out.printf("Machine: %d cores, max heap %d MB, %s, load average %s%n%n", Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name") + " " + Runtime.version(), loadAverage());

      LucenePassageIndex lucene = new LucenePassageIndex(index, retrieval);
      ArticleIndexer indexer = new ArticleIndexer(lucene, ingest, Optional.empty());
      long cpu0 = cpuNanos();
      long jit0 = jitCpuNanos();
      t0 = System.nanoTime();
      ReindexReport first = indexer.reindex(articles);
      double indexSecs = secs(t0);
      double indexCpuSecs = (cpuNanos() - cpu0) / 1e9;
      double indexJitSecs = jitSecsSince(jit0);
      cpu0 = cpuNanos();
      t0 = System.nanoTime();
      ReindexReport again = indexer.reindex(articles);
      double noChangeSecs = secs(t0);
      double noChangeCpuSecs = (cpuNanos() - cpu0) / 1e9;
      if (again.count(Bucket.UNCHANGED) != corpus.articles()) {
        throw new IllegalStateException("no-change reindex did not skip every file: " + again.countsLine());
      }
      // The same build again in this JVM, its code now compiled: what a long-running process (the bot) gets.
      Path warmIndex = work.resolve("index-warm");
      cpu0 = cpuNanos();
      jit0 = jitCpuNanos();
      t0 = System.nanoTime();
      try (LucenePassageIndex warm = new LucenePassageIndex(warmIndex, retrieval)) {
        new ArticleIndexer(warm, ingest, Optional.empty()).reindex(articles);
      }
      double warmSecs = secs(t0);
      double warmCpuSecs = (cpuNanos() - cpu0) / 1e9;
      double warmJitSecs = jitSecsSince(jit0);
      delete(warmIndex);

      long heapBefore = usedHeap();
      try (lucene) {
        lucene.refresh();
        PassageSearcher searcher = new HybridSearcher(lucene, Optional.empty(), retrieval.hybrid().withDense(false));
        searcher.search("warm up", 1);
        long heapAfter = usedHeap();
        List<String> questions = corpus.questions();
        int k = retrieval.topK();
        for (int round = 0; round < 2; round++) questions.forEach(q -> searcher.search(q, k));
        long[] nanos = new long[questions.size()];
        int nonEmpty = 0;
        for (int i = 0; i < nanos.length; i++) {
          long s = System.nanoTime();
          nonEmpty += searcher.search(questions.get(i), k).isEmpty() ? 0 : 1;
          nanos[i] = System.nanoTime() - s;
        }
        Arrays.sort(nanos);
        double qps = throughput(searcher, questions, k, 2, 3);

        List<String[]> rows = new ArrayList<>();
        rows.add(row("indexing (all cores, fresh index, new JVM)", String.format(Locale.ROOT,
            "%.1f MB/s (%.1f s wall, %.1f s CPU, of which JIT %s)", corpus.bytes() / 1e6 / indexSecs, indexSecs,
            indexCpuSecs, jit(indexJitSecs)), ">= 10 MB/s"));
        rows.add(row("indexing again, same JVM (code compiled)", String.format(Locale.ROOT,
            "%.1f MB/s (%.1f s wall, %.1f s CPU, of which JIT %s)", corpus.bytes() / 1e6 / warmSecs, warmSecs,
            warmCpuSecs, jit(warmJitSecs)), ""));
        rows.add(row("  passages indexed", String.format(Locale.ROOT, "%d in %.1f s = %.0f passages/s", first.passages(),
            indexSecs, first.passages() / indexSecs), ""));
        rows.add(row("no-change reindex", String.format(Locale.ROOT, "%.2f s (%.2f s CPU)", noChangeSecs, noChangeCpuSecs),
            "<= 5 s"));
        rows.add(row("query latency p50 (1 thread)", ms(nanos[nanos.length / 2]), "<= 2 ms"));
        rows.add(row("query latency p99 (1 thread)", ms(nanos[(int) Math.min(nanos.length - 1, Math.ceil(nanos.length * 0.99) - 1)]),
            "<= 10 ms"));
        rows.add(row("queries/s (2 threads)", String.format(Locale.ROOT, "%.0f", qps), ""));
        rows.add(row("heap in use after opening the index", String.format(Locale.ROOT, "%d MB (+%d MB for the index)",
            heapAfter >> 20, Math.max(0, heapAfter - heapBefore) >> 20), ""));
        rows.add(row("index size on disk", String.format(Locale.ROOT, "%.1f MB", size(index) / 1e6), ""));
        out.printf("%d questions (top %d), %d with hits; %s; load average at the end %s%n%n", questions.size(), k,
            nonEmpty, first.countsLine(), loadAverage());
        out.println(Table.markdown(new String[] {"measure", "result", "target"}, rows));
      }
    } finally {
      delete(work);
    }
  }

  private static double throughput(PassageSearcher searcher, List<String> questions, int k, int threads, int rounds)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long t0 = System.nanoTime();
      List<Future<?>> jobs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t;
        jobs.add(pool.submit(() -> {
          for (int r = 0; r < rounds; r++) {
            for (int i = offset; i < questions.size(); i += threads) searcher.search(questions.get(i), k);
          }
        }));
      }
      for (Future<?> f : jobs) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException(e.getCause());
        }
      }
      return questions.size() * (double) rounds / secs(t0);
    } finally {
      pool.shutdownNow();
    }
  }

  /** CPU time of this process, all threads (JIT and GC included); shows how much of the wall time was ours. */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * CPU time of the JIT compiler threads so far (Linux: from /proc), or -1 where it cannot be read.
   * Compiler threads that already ended are not counted, so it is a lower bound.
   */
  private static long jitCpuNanos() {
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) return -1;
    long ticks = 0;
    try (Stream<Path> threads = Files.list(tasks)) {
      for (Path t : threads.toList()) {
        try {
          if (!Files.readString(t.resolve("comm")).contains("CompilerThre")) continue;
          String stat = Files.readString(t.resolve("stat"));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
          // the thread ended while we looked
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return ticks * 10_000_000L; // USER_HZ is 100 on Linux
  }

  /** The 1, 5 and 15 minute load averages (Linux), or "n/a": how busy the machine was around the run. */
  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }

  private static double jitSecsSince(long before) {
    long now = jitCpuNanos();
    return before < 0 || now < 0 ? -1 : (now - before) / 1e9;
  }

  private static String jit(double secs) {
    return secs < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f s", secs);
  }

  private static String[] row(String a, String b, String c) {
    return new String[] {a, b, c};
  }

  private static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
  }

  private static double secs(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static long usedHeap() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}

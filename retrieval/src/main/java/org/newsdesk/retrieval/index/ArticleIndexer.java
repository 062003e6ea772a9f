package org.newsdesk.retrieval.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.newsdesk.config.IngestConfig;
import org.newsdesk.retrieval.index.ReindexReport.Bucket;
import org.newsdesk.retrieval.index.ReindexReport.FileResult;
import org.newsdesk.retrieval.ingest.ArticleParser;
import org.newsdesk.retrieval.ingest.Boilerplate;
import org.newsdesk.retrieval.ingest.PassageSplitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the index in line with the articles folder: new, changed (by content hash) and deleted
 * files are applied, unchanged files are skipped without parsing, and an unchanged article whose
 * paragraphs became shared (or stopped being shared) with other articles is cleaned again. All of
 * it lands in one commit, so readers see the old index until the new one is complete; a process
 * killed in the middle leaves the last commit as it was, and the next run does the work again.
 * Only one reindex runs at a time per index (Lucene's write lock, released when a process dies).
 * Usable in-process beside an open {@code LucenePassageSearcher}, which picks the commit up.
 *
 * <p>The steps: {@link ReindexPlanner} decides what to do without touching the index,
 * {@link FilePassages} cleans and splits each file to rewrite, and {@link LucenePassageWriter}
 * writes it and commits; {@link Parallel} spreads scanning and writing over the threads.
 */
public final class ArticleIndexer {
  private static final Logger log = LoggerFactory.getLogger(ArticleIndexer.class);
  /** From this many rewritten files on, new segments are not packed into compound files. */
  private static final int BULK_FILES = 1_000;

  private final Path indexDir;
  /** Where the run writes when it is not the Lucene index at {@link #indexDir}; null for that one. */
  private final PassageIndex index;
  private final double ramBufferMb;
  private final Parallel parallel;
  private final ReindexPlanner planner;
  private final FilePassages passages;

  public ArticleIndexer(Path indexDir, IngestConfig ingest) {
    this(indexDir, ingest, Runtime.getRuntime().availableProcessors(), 64);
  }

  /** {@code threads} parse and index files in parallel; {@code ramBufferMb} is the writer's buffer before a flush. */
  public ArticleIndexer(Path indexDir, IngestConfig ingest, int threads, double ramBufferMb) {
    this(indexDir, null, ingest, threads, ramBufferMb);
  }

  /** Writes through {@code index}'s {@linkplain PassageIndex#writer writer}, whatever its backend. */
  public ArticleIndexer(PassageIndex index, IngestConfig ingest, int threads) {
    this(null, index, ingest, threads, 64);
  }

  private ArticleIndexer(Path indexDir, PassageIndex index, IngestConfig ingest, int threads, double ramBufferMb) {
    if (ramBufferMb < 1) throw new IllegalArgumentException("ramBufferMb must be >= 1, got " + ramBufferMb);
    this.indexDir = indexDir;
    this.index = index;
    this.ramBufferMb = ramBufferMb;
    this.parallel = new Parallel(threads);
    this.planner = new ReindexPlanner(new FileScanner(new ArticleParser(ingest)), parallel);
    this.passages = new FilePassages(new Boilerplate(ingest), new PassageSplitter(ingest));
  }

  /** Where the index of a data folder lives: {@code <data>/index}. */
  public static Path indexDirectory(Path data) {
    return data.resolve("index");
  }

  public Path indexDir() {
    return indexDir;
  }

  public ReindexReport reindex(Path articlesDir) throws IOException {
    return reindex(articlesDir, line -> {});
  }

  /**
   * Reindexes {@code articlesDir} (subfolders included); {@code progress} gets a line now and then.
   *
   * @throws NoSuchFileException when the folder does not exist
   * @throws ReindexBusyException when another reindex holds the index
   */
  public ReindexReport reindex(Path articlesDir, Consumer<String> progress) throws IOException {
    if (!Files.isDirectory(articlesDir)) {
      throw new NoSuchFileException(articlesDir.toString(), null, "no articles folder");
    }
    long started = System.nanoTime();
    try (PassageIndexWriter writer = openWriter()) {
      StoredManifests stored = writer.manifests();
      List<String> notices = new ArrayList<>();
      if (stored.otherFormat().isPresent()) {
        int format = stored.otherFormat().getAsInt();
        writer.deleteAll();
        notices.add("rebuilt every file: the index was written by another version of Newsdesk (manifest format "
            + format + "; this version writes " + ManifestCodec.FORMAT + ")");
        log.atWarn().addKeyValue("format", format).log("index of another manifest format, rebuilding");
      }
      ReindexPlan plan = planner.plan(articlesDir, stored.manifests(), progress);

      if (writer instanceof LuceneRun lucene) lucene.writer.useCompoundFiles(plan.rewrites().size() < BULK_FILES);
      for (String path : plan.stale()) writer.delete(path);
      ProgressTicks written = new ProgressTicks(progress, plan.rewrites().size(), "indexed");
      List<FileUpdate> updates = parallel.map(plan.rewrites(), r -> {
        FileUpdate update = passages.build(r, plan.counts());
        writer.write(update);
        written.tick();
        return update;
      }, writer::flushBuffers);

      List<FileResult> results = new ArrayList<>(plan.results());
      List<FileManifest> manifests = new ArrayList<>(plan.kept().values());
      for (FileUpdate u : updates) {
        results.add(u.result());
        u.manifest().ifPresent(manifests::add);
      }
      results.sort(Comparator.comparing(FileResult::path));
      CorpusStats stats = CorpusStats.of(manifests, Instant.now());
      progress.accept("committing");
      writer.commit(stats, IndexSignature.NONE);

      ReindexReport report = new ReindexReport(results, notices, stats.articles(), stats.passages(),
          Duration.ofNanos(System.nanoTime() - started));
      log.atInfo().addKeyValue("indexed", report.count(Bucket.INDEXED))
          .addKeyValue("unchanged", report.count(Bucket.UNCHANGED))
          .addKeyValue("deleted", report.count(Bucket.DELETED))
          .addKeyValue("rejected", report.count(Bucket.REJECTED))
          .addKeyValue("ms", report.took().toMillis()).log("reindex committed");
      return report;
    }
  }

  private PassageIndexWriter openWriter() throws IOException {
    if (index != null) return index.writer();
    Files.createDirectories(indexDir);
    return new LuceneRun(LucenePassageWriter.open(indexDir, ramBufferMb));
  }

  /** The Lucene writer seen through the backend-neutral interface; it keeps neither vectors nor a signature. */
  private record LuceneRun(LucenePassageWriter writer) implements PassageIndexWriter {
    @Override public StoredManifests manifests() throws IOException { return writer.manifests(); }
    @Override public IndexSignature signature() { return IndexSignature.NONE; }
    @Override public Map<String, float[]> vectors(Collection<String> textHashes) { return Map.of(); }
    @Override public void deleteAll() throws IOException { writer.deleteAll(); }
    @Override public void delete(String path) throws IOException { writer.delete(path); }
    @Override public void write(FileUpdate update) throws IOException { writer.write(update); }
    @Override public void flushBuffers() throws IOException { writer.flushBuffers(); }
    @Override public void commit(CorpusStats stats, IndexSignature signature) throws IOException { writer.commit(stats); }
    @Override public void close() throws IOException { writer.close(); }
  }
}

package org.newsdesk.retrieval.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.newsdesk.config.IngestConfig;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.index.FileManifest.Entry;
import org.newsdesk.retrieval.index.ReindexReport.Bucket;
import org.newsdesk.retrieval.index.ReindexReport.FileResult;
import org.newsdesk.retrieval.ingest.Article;
import org.newsdesk.retrieval.ingest.ArticleFile;
import org.newsdesk.retrieval.ingest.ArticleParser;
import org.newsdesk.retrieval.ingest.Boilerplate;
import org.newsdesk.retrieval.ingest.ParseOutcome;
import org.newsdesk.retrieval.ingest.PassageSplitter;
import org.newsdesk.retrieval.ingest.RawArticle;
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
 */
public final class ArticleIndexer {
  private static final Logger log = LoggerFactory.getLogger(ArticleIndexer.class);
  /** From this many rewritten files on, new segments are not packed into compound files. */
  private static final int BULK_FILES = 1_000;
  private static final String SHARED_CHANGED = "cleaned again: its paragraphs shared with other articles changed";

  private final Path indexDir;
  private final ArticleParser parser;
  private final Boilerplate boilerplate;
  private final PassageSplitter splitter;
  private final IngestConfig ingest;
  private final int threads;
  private final double ramBufferMb;

  public ArticleIndexer(Path indexDir, IngestConfig ingest) {
    this(indexDir, ingest, Runtime.getRuntime().availableProcessors(), 64);
  }

  /** {@code threads} parse and index files in parallel; {@code ramBufferMb} is the writer's buffer before a flush. */
  public ArticleIndexer(Path indexDir, IngestConfig ingest, int threads, double ramBufferMb) {
    if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    if (ramBufferMb < 1) throw new IllegalArgumentException("ramBufferMb must be >= 1, got " + ramBufferMb);
    this.indexDir = indexDir;
    this.ingest = ingest;
    this.parser = new ArticleParser(ingest);
    this.boilerplate = new Boilerplate(ingest);
    this.splitter = new PassageSplitter(ingest);
    this.threads = threads;
    this.ramBufferMb = ramBufferMb;
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
    Files.createDirectories(indexDir);
    try (Directory dir = FSDirectory.open(indexDir)) {
      IndexWriter writer = openWriter(dir);
      boolean done = false;
      try {
        ReindexReport report = new Run(writer, articlesDir, progress).execute(started);
        done = true;
        return report;
      } finally {
        if (done) {
          writer.close();
        } else {
          writer.rollback();
        }
      }
    }
  }

  private IndexWriter openWriter(Directory dir) throws IOException {
    IndexWriterConfig iwc = new IndexWriterConfig(new NewsAnalyzer())
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
        .setRAMBufferSizeMB(ramBufferMb)
        .setCommitOnClose(false);
    try {
      return new IndexWriter(dir, iwc);
    } catch (LockObtainFailedException e) {
      throw new ReindexBusyException(indexDir, e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One file as first seen: unchanged (manifest kept), parsed, or rejected before parsing. */
  private record Scan(String rel, Path file, Optional<FileManifest> unchanged, Optional<ParseOutcome> parsed,
                      List<long[]> paragraphHashes, Optional<String> rejection, String hash) {}

  /** An article file found by the walk, with its path relative to the articles folder. */
  private record Found(String rel, Path file) {}

  /** A parsed article that survived the duplicate-id check, with its paragraphs' fingerprint hashes. */
  private record Candidate(RawArticle raw, long[] paragraphHashes, Set<Long> fingerprints) {}

  /** A file whose documents are rewritten in this run. */
  private record Rewrite(String rel, String hash, List<Candidate> candidates, List<String> notes) {}

  private final class Run {
    private final IndexWriter writer;
    private final Path root;
    private final Consumer<String> progress;

    Run(IndexWriter writer, Path root, Consumer<String> progress) {
      this.writer = writer;
      this.root = root;
      this.progress = progress;
    }

    ReindexReport execute(long started) throws IOException {
      StoredManifests stored = readManifests();
      Map<String, FileManifest> previous = stored.manifests();
      List<String> notices = new ArrayList<>();
      if (stored.otherFormat().isPresent()) {
        writer.deleteAll();
        notices.add("rebuilt every file: the index was written by another version of newsdesk (manifest format "
            + stored.otherFormat().getAsInt() + "; this version writes " + ManifestCodec.FORMAT + ")");
        log.atWarn().addKeyValue("format", stored.otherFormat().getAsInt()).log("index of another format, rebuilding");
      }
      List<FileResult> results = new ArrayList<>();
      List<Found> files = walk(results);
      progress.accept("found " + files.size() + " article files, " + previous.size() + " known");

      AtomicInteger scanned = new AtomicInteger();
      List<Scan> scans = parallel(files, f -> {
        Scan s = scan(f, previous);
        tick(scanned, files.size(), "scanned");
        return s;
      }, false);

      // Which file owns each article id: unchanged files keep theirs, then new and changed files in path order.
      Map<String, String> owner = new HashMap<>();
      Map<String, FileManifest> kept = new HashMap<>();
      for (Scan s : scans) {
        s.unchanged().ifPresent(m -> {
          kept.put(s.rel(), m);
          m.articles().forEach(e -> owner.putIfAbsent(e.id(), s.rel()));
        });
      }
      List<Rewrite> rewrites = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (Scan s : scans) {
        seen.add(s.rel());
        if (s.rejection().isPresent()) {
          results.add(new FileResult(s.rel(), Bucket.REJECTED, List.of(s.rejection().get())));
        } else if (s.parsed().isPresent()) {
          rewrites.add(claim(s, owner, List.of()));
        }
      }

      // Nothing new, changed or gone: every paragraph count is what it was, so no article can need re-cleaning.
      boolean corpusChanged = !rewrites.isEmpty() || !kept.keySet().containsAll(previous.keySet());
      Map<Long, Integer> counts = new HashMap<>();
      if (corpusChanged) kept.values().forEach(m -> m.articles().forEach(e -> e.fingerprints().forEach(f -> counts.merge(f, 1, Integer::sum))));
      if (corpusChanged) rewrites.forEach(r -> r.candidates().forEach(c -> c.fingerprints().forEach(f -> counts.merge(f, 1, Integer::sum))));

      // Unchanged files whose boilerplate status moved are parsed and cleaned again.
      List<FileManifest> moved = !corpusChanged ? List.of() : kept.values().stream()
          .filter(m -> m.articles().stream().anyMatch(e -> !shared(e.fingerprints(), counts).equals(e.shared())))
          .sorted(Comparator.comparing(FileManifest::path))
          .toList();
      for (FileManifest m : moved) kept.remove(m.path());
      List<Scan> reparsed = parallel(moved, m -> scan(new Found(m.path(), root.resolve(m.path())), Map.of()), false);
      for (Scan s : reparsed) {
        if (s.rejection().isPresent()) {
          results.add(new FileResult(s.rel(), Bucket.REJECTED, List.of(s.rejection().get())));
        } else {
          Rewrite r = claim(s, owner, List.of(SHARED_CHANGED));
          rewrites.add(r);
        }
      }

      // A bulk build writes its segments as plain files: packing them into a compound file would copy every byte once more.
      writer.getConfig().setUseCompoundFile(rewrites.size() < BULK_FILES);
      for (Map.Entry<String, FileManifest> e : previous.entrySet()) {
        if (!kept.containsKey(e.getKey())) writer.deleteDocuments(new Term(IndexFields.PATH, e.getKey()));
        if (!seen.contains(e.getKey())) results.add(new FileResult(e.getKey(), Bucket.DELETED, List.of()));
      }
      for (FileManifest m : kept.values()) {
        results.add(m.anyIndexed()
            ? new FileResult(m.path(), Bucket.UNCHANGED, List.of())
            : new FileResult(m.path(), Bucket.REJECTED, List.of("empty after cleaning")));
      }

      AtomicInteger written = new AtomicInteger();
      List<FileManifest> fresh = new ArrayList<>();
      List<FileResult> writtenResults = parallel(rewrites, r -> {
        Map.Entry<FileResult, Optional<FileManifest>> out = write(r, counts);
        synchronized (fresh) {
          out.getValue().ifPresent(fresh::add);
        }
        tick(written, rewrites.size(), "indexed");
        return out.getKey();
      }, true);
      results.addAll(writtenResults);
      results.sort(Comparator.comparing(FileResult::path));

      List<FileManifest> all = new ArrayList<>(kept.values());
      all.addAll(fresh);
      List<Entry> indexed = all.stream().flatMap(m -> m.articles().stream()).filter(Entry::indexed).toList();
      int passages = indexed.stream().mapToInt(Entry::passages).sum();
      Map<String, String> commitData = new HashMap<>();
      commitData.put(IndexFields.COMMIT_REINDEXED_AT, Instant.now().toString());
      commitData.put(IndexFields.COMMIT_ARTICLES, Integer.toString(indexed.size()));
      commitData.put(IndexFields.COMMIT_PASSAGES, Integer.toString(passages));
      indexed.stream().flatMap(e -> e.published().stream()).min(Comparator.naturalOrder())
          .ifPresent(d -> commitData.put(IndexFields.COMMIT_EARLIEST, d.toString()));
      indexed.stream().flatMap(e -> e.published().stream()).max(Comparator.naturalOrder())
          .ifPresent(d -> commitData.put(IndexFields.COMMIT_LATEST, d.toString()));
      writer.setLiveCommitData(commitData.entrySet());
      progress.accept("committing");
      writer.commit();

      ReindexReport report = new ReindexReport(results, notices, indexed.size(), passages,
          Duration.ofNanos(System.nanoTime() - started));
      log.atInfo().addKeyValue("indexed", report.count(Bucket.INDEXED))
          .addKeyValue("unchanged", report.count(Bucket.UNCHANGED))
          .addKeyValue("deleted", report.count(Bucket.DELETED))
          .addKeyValue("rejected", report.count(Bucket.REJECTED))
          .addKeyValue("ms", report.took().toMillis()).log("reindex committed");
      return report;
    }

    private void tick(AtomicInteger counter, int total, String what) {
      int n = counter.incrementAndGet();
      int step = Math.max(1, total / 20);
      if (n % step == 0 || n == total) progress.accept(what + " " + n + "/" + total + " files");
    }

    private StoredManifests readManifests() throws IOException {
      try (DirectoryReader reader = DirectoryReader.open(writer)) {
        return ArticleIndexer.readManifests(reader);
      }
    }

    private List<Found> walk(List<FileResult> results) throws IOException {
      List<Found> files = new ArrayList<>();
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isRegularFile() && ArticleParser.isArticleFile(file)) files.add(new Found(relative(file), file));
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          results.add(new FileResult(relative(file), Bucket.REJECTED, List.of("unreadable: " + e.getMessage())));
          return FileVisitResult.CONTINUE;
        }
      });
      files.sort(Comparator.comparing(Found::rel));
      return files;
    }

    private String relative(Path file) {
      return root.relativize(file).toString().replace('\\', '/');
    }

    private Scan scan(Found found, Map<String, FileManifest> previous) {
      String rel = found.rel();
      Path file = found.file();
      try {
        ArticleFile.Read read;
        switch (parser.read(root, file)) {
          case ArticleFile.Read r -> read = r;
          case ArticleFile.Unreadable u -> {
            return rejected(rel, file, u.reason());
          }
        }
        String hash = sha256(read.bytes());
        FileManifest known = previous.get(rel);
        if (known != null && known.hash().equals(hash) && !known.reparse()) {
          return new Scan(rel, file, Optional.of(known), Optional.empty(), List.of(), Optional.empty(), hash);
        }
        ParseOutcome outcome = parser.parse(read);
        List<long[]> hashes = new ArrayList<>(outcome.articles().size());
        for (RawArticle raw : outcome.articles()) hashes.add(Boilerplate.paragraphFingerprints(raw));
        return new Scan(rel, file, Optional.empty(), Optional.of(outcome), hashes, Optional.empty(), hash);
      } catch (RuntimeException e) {
        log.atWarn().addKeyValue("path", rel).setCause(e).log("parser failed");
        return rejected(rel, file, "could not be parsed: " + e.getMessage());
      }
    }

    private Scan rejected(String rel, Path file, String reason) {
      return new Scan(rel, file, Optional.empty(), Optional.empty(), List.of(), Optional.of(reason), "");
    }

    private Rewrite claim(Scan scan, Map<String, String> owner, List<String> notes) {
      String rel = scan.rel();
      ParseOutcome outcome = scan.parsed().orElseThrow();
      List<String> problems = new ArrayList<>(notes);
      problems.addAll(outcome.rejections());
      List<Candidate> candidates = new ArrayList<>();
      Set<String> inThisFile = new HashSet<>();
      for (int a = 0; a < outcome.articles().size(); a++) {
        RawArticle raw = outcome.articles().get(a);
        String holder = owner.putIfAbsent(raw.id(), rel);
        if (!inThisFile.add(raw.id())) {
          problems.add("duplicate article id " + raw.id() + " (twice in this file)");
        } else if (holder != null && !holder.equals(rel)) {
          problems.add("duplicate article id " + raw.id() + " (already in " + holder + ")");
        } else {
          long[] hashes = scan.paragraphHashes().get(a);
          candidates.add(new Candidate(raw, hashes, Boilerplate.distinct(hashes)));
        }
      }
      return new Rewrite(rel, scan.hash(), candidates, problems);
    }

    private Map.Entry<FileResult, Optional<FileManifest>> write(Rewrite r, Map<Long, Integer> counts) {
      try {
        List<String> notes = new ArrayList<>(r.notes());
        List<Entry> entries = new ArrayList<>();
        int passages = 0;
        for (Candidate c : r.candidates()) {
          RawArticle raw = c.raw();
          long[] hashes = c.paragraphHashes();
          Optional<Article> article = boilerplate.clean(raw, hashes, f -> counts.getOrDefault(f, 0));
          Set<Long> shared = shared(c.fingerprints(), counts);
          if (article.isEmpty()) {
            notes.add(r.candidates().size() == 1 ? "empty after cleaning" : raw.id() + ": empty after cleaning");
            entries.add(new Entry(raw.id(), raw.published(), c.fingerprints(), shared, false, 0));
            continue;
          }
          List<Passage> split = splitter.split(article.get());
          List<Document> docs = new ArrayList<>(split.size());
          for (Passage p : split) docs.add(PassageDocuments.toDocument(p, r.rel()));
          writer.addDocuments(docs);
          passages += split.size();
          entries.add(new Entry(raw.id(), raw.published(), c.fingerprints(), shared, !split.isEmpty(), split.size()));
        }
        // Parse problems and duplicate ids are reported again on every run, so such a file is never skipped.
        boolean reparse = r.notes().stream().anyMatch(n -> !n.equals(SHARED_CHANGED));
        Optional<FileManifest> manifest = Optional.empty();
        if (!entries.isEmpty()) {
          FileManifest m = new FileManifest(r.rel(), r.hash(), entries, reparse);
          writer.addDocument(manifestDocument(m.path(), ManifestCodec.encode(m)));
          manifest = Optional.of(m);
        }
        long indexedArticles = entries.stream().filter(Entry::indexed).count();
        if (indexedArticles == 0) {
          if (notes.isEmpty()) notes.add("no article found in the file");
          return Map.entry(new FileResult(r.rel(), Bucket.REJECTED, notes), manifest);
        }
        List<String> shown = new ArrayList<>();
        shown.add(indexedArticles == 1 ? passages + " passages" : indexedArticles + " articles, " + passages + " passages");
        shown.addAll(notes);
        return Map.entry(new FileResult(r.rel(), Bucket.INDEXED, shown), manifest);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot index " + r.rel(), e);
      }
    }

    /**
     * {@code job} over {@code items} on up to {@code threads} threads, results in item order. With
     * {@code flushWhenDone} each thread, once the items run out, writes out the writer's buffered
     * segments, so the segments are written in parallel rather than one after another at commit.
     */
    private <T, R> List<R> parallel(List<T> items, Function<T, R> job, boolean flushWhenDone) throws IOException {
      if (items.isEmpty()) return List.of();
      int n = Math.min(threads, items.size());
      Object[] out = new Object[items.size()];
      AtomicInteger next = new AtomicInteger();
      AtomicBoolean failed = new AtomicBoolean();
      ExecutorService pool = Executors.newFixedThreadPool(n, Thread.ofPlatform().name("reindex-", 1).factory());
      try {
        List<Future<?>> workers = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
          workers.add(pool.submit(() -> {
            try {
              for (int i = next.getAndIncrement(); i < out.length && !failed.get(); i = next.getAndIncrement()) {
                out[i] = job.apply(items.get(i));
              }
              if (flushWhenDone && !failed.get()) {
                while (writer.flushNextBuffer()) {
                  // one buffered segment written per call
                }
              }
              return null;
            } catch (IOException | RuntimeException | Error e) {
              failed.set(true);
              throw e;
            }
          }));
        }
        for (Future<?> w : workers) w.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("reindex interrupted", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UncheckedIOException u) throw u.getCause();
        if (cause instanceof IOException io) throw io;
        if (cause instanceof RuntimeException re) throw re;
        if (cause instanceof Error err) throw err;
        throw new IOException(cause);
      } finally {
        pool.shutdownNow();
      }
      @SuppressWarnings("unchecked")
      List<R> results = (List<R>) (List<?>) Arrays.asList(out);
      return List.copyOf(results);
    }
  }

  private static Set<Long> shared(Set<Long> fingerprints, Map<Long, Integer> counts) {
    return fingerprints.stream().filter(f -> counts.getOrDefault(f, 0) >= 2)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  static Document manifestDocument(String path, BytesRef manifest) {
    Document d = new Document();
    d.add(new StringField(IndexFields.TYPE, IndexFields.TYPE_FILE, Field.Store.NO));
    d.add(new StringField(IndexFields.PATH, path, Field.Store.NO));
    d.add(new BinaryDocValuesField(IndexFields.MANIFEST_DATA, manifest));
    // Empty text fields: no term, so no query matches a manifest and BM25's statistics stay those of the passages,
    // but every document has a norm, and dense norms are cheaper to read when scoring and to write at flush.
    d.add(new TextField(IndexFields.TEXT, "", Field.Store.NO));
    d.add(new TextField(IndexFields.TITLE, "", Field.Store.NO));
    return d;
  }

  /**
   * Every live manifest of the index, by path; none when any is of another format (or is a manifest
   * without binary data, as the first versions stored them: format 0).
   */
  static StoredManifests readManifests(DirectoryReader reader) throws IOException {
    Map<String, FileManifest> out = new HashMap<>();
    IndexSearcher searcher = new IndexSearcher(reader);
    Weight weight = searcher.createWeight(new TermQuery(new Term(IndexFields.TYPE, IndexFields.TYPE_FILE)),
        ScoreMode.COMPLETE_NO_SCORES, 1);
    for (LeafReaderContext leaf : reader.leaves()) {
      Scorer scorer = weight.scorer(leaf);
      if (scorer == null) continue;
      BinaryDocValues data = leaf.reader().getBinaryDocValues(IndexFields.MANIFEST_DATA);
      Bits live = leaf.reader().getLiveDocs();
      DocIdSetIterator docs = scorer.iterator();
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        if (live != null && !live.get(doc)) continue;
        if (data == null || !data.advanceExact(doc)) return StoredManifests.ofOtherFormat(0);
        int format = ManifestCodec.format(data.binaryValue());
        if (format != ManifestCodec.FORMAT) return StoredManifests.ofOtherFormat(format);
        FileManifest m = ManifestCodec.decode(data.binaryValue());
        out.put(m.path(), m);
      }
    }
    return StoredManifests.of(out);
  }
}

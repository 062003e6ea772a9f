package org.newsdesk.retrieval.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.newsdesk.config.RetrievalConfig;
import org.newsdesk.retrieval.search.PassageQuery;
import org.newsdesk.retrieval.search.QueryTerms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The passage index in a folder on this machine ({@code <data>/index}), embedded Lucene: BM25 over
 * passages and headlines, and an int8 HNSW graph of the passage vectors in the same documents and
 * the same commits. A background thread looks for the index, then for a newer commit, every
 * {@link RetrievalConfig#refreshInterval()}, so a running process sees a reindex made by another
 * process (or in-process by {@link ArticleIndexer}) without a restart. A missing or empty index
 * gives no results until one appears.
 */
public final class LucenePassageIndex implements PassageIndex {
  private static final Logger log = LoggerFactory.getLogger(LucenePassageIndex.class);
  /** The writer's buffer before a flush, unless given. */
  public static final double RAM_BUFFER_MB = 64;

  private final Path indexDir;
  /** Opened once the folder exists: opening a Lucene directory creates its folder, and reading must not. */
  private Directory directory;
  private final double ramBufferMb;
  private final Analyzer analyzer = new NewsAnalyzer();
  private final PassageQuery queries;
  private final BM25Similarity similarity;
  private final ScheduledExecutorService refresher;
  private volatile SearcherManager manager;

  public LucenePassageIndex(Path indexDir, RetrievalConfig config) throws IOException {
    this(indexDir, config, RAM_BUFFER_MB);
  }

  /** {@code ramBufferMb} is how much a reindex buffers before it writes a segment. */
  public LucenePassageIndex(Path indexDir, RetrievalConfig config, double ramBufferMb) throws IOException {
    if (ramBufferMb < 1) throw new IllegalArgumentException("ramBufferMb must be >= 1, got " + ramBufferMb);
    this.indexDir = indexDir;
    this.ramBufferMb = ramBufferMb;
    this.queries = new PassageQuery(config.titleBoost(), config.phraseBoost(), PassageQuery.DEFAULT_SLOP);
    this.similarity = new BM25Similarity(config.k1(), config.b());
    refresh();
    this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "index-refresh");
      t.setDaemon(true);
      return t;
    });
    long ms = config.refreshInterval().toMillis();
    refresher.scheduleWithFixedDelay(this::refreshQuietly, ms, ms, TimeUnit.MILLISECONDS);
  }

  /** Where the index of a data folder lives: {@code <data>/index}. */
  public static Path directoryOf(Path data) {
    return data.resolve("index");
  }

  public Path indexDir() {
    return indexDir;
  }

  @Override
  public boolean hasIndex() {
    return manager != null;
  }

  /** Opens the index once it exists, and after that moves to the newest commit. */
  @Override
  public void refresh() throws IOException {
    SearcherManager m = manager;
    if (m != null) {
      m.maybeRefresh();
      return;
    }
    synchronized (this) {
      if (manager == null && Files.isDirectory(indexDir) && DirectoryReader.indexExists(directory())) {
        manager = new SearcherManager(directory, new SearcherFactory() {
          @Override
          public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
            IndexSearcher s = new IndexSearcher(reader);
            s.setSimilarity(similarity);
            return s;
          }
        });
        log.atInfo().addKeyValue("index", indexDir).log("index opened");
      }
    }
  }

  private Directory directory() throws IOException {
    if (directory == null) directory = FSDirectory.open(indexDir);
    return directory;
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (IOException | RuntimeException e) {
      log.atWarn().addKeyValue("index", indexDir).setCause(e).log("index refresh failed");
    }
  }

  @Override
  public PassageRankings rankings() {
    SearcherManager m = manager;
    if (m == null) return new LuceneRankings(null, null, this::wordsQuery, toString());
    try {
      return new LuceneRankings(m, m.acquire(), this::wordsQuery, toString());
    } catch (IOException e) {
      throw new UncheckedIOException("search failed in " + indexDir, e);
    }
  }

  private Optional<Query> wordsQuery(String question) {
    return queries.build(QueryTerms.of(analyzer, question));
  }

  @Override
  public CorpusStats stats() {
    return fromCommit(reader -> CorpusStats.of(reader), CorpusStats.EMPTY);
  }

  @Override
  public IndexSignature signature() {
    return fromCommit(reader -> LucenePassageWriter.signatureOf(reader.getIndexCommit().getUserData()),
        IndexSignature.NONE);
  }

  /** Reads something from the commit being searched. */
  private interface CommitRead<T> {
    T read(DirectoryReader reader) throws IOException;
  }

  private <T> T fromCommit(CommitRead<T> read, T none) {
    SearcherManager m = manager;
    if (m == null) return none;
    try {
      IndexSearcher s = m.acquire();
      try {
        return read.read((DirectoryReader) s.getIndexReader());
      } finally {
        m.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + indexDir, e);
    }
  }

  @Override
  public PassageIndexWriter writer() throws IOException {
    Files.createDirectories(indexDir);
    return LucenePassageWriter.open(indexDir, ramBufferMb);
  }

  @Override
  public void close() throws IOException {
    synchronized (this) {
      refresher.shutdownNow();
      if (manager != null) manager.close();
      manager = null;
      if (directory != null) directory.close();
    }
  }

  @Override
  public String toString() {
    return "Lucene index at " + indexDir;
  }
}

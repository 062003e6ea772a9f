package org.newsdesk.retrieval.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.newsdesk.config.RetrievalConfig;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.index.CorpusStats;
import org.newsdesk.retrieval.index.IndexFields;
import org.newsdesk.retrieval.index.NewsAnalyzer;
import org.newsdesk.retrieval.index.PassageDocuments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Searches the passage index in {@code <data>/index} with BM25. A background thread looks for a
 * newer commit every {@link RetrievalConfig#refreshInterval()}, so a running process sees a reindex
 * made by another process (or in-process by {@code ArticleIndexer}) without a restart. A missing or
 * empty index gives no results until one appears.
 */
public final class LucenePassageSearcher implements PassageSearcher, Closeable {
  private static final Logger log = LoggerFactory.getLogger(LucenePassageSearcher.class);

  private final Path indexDir;
  private final Directory directory;
  private final Analyzer analyzer = new NewsAnalyzer();
  private final PassageQuery queries;
  private final BM25Similarity similarity;
  private final ScheduledExecutorService refresher;
  private volatile SearcherManager manager;

  public LucenePassageSearcher(Path indexDir, RetrievalConfig config) throws IOException {
    this.indexDir = indexDir;
    this.directory = FSDirectory.open(indexDir);
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

  public Path indexDir() {
    return indexDir;
  }

  /** Whether a committed index exists (a search can find something). */
  public boolean hasIndex() {
    return manager != null;
  }

  /** Opens the index once it exists, and after that moves to the newest commit. */
  public void refresh() throws IOException {
    SearcherManager m = manager;
    if (m != null) {
      m.maybeRefresh();
      return;
    }
    synchronized (this) {
      if (manager == null && Files.isDirectory(indexDir) && DirectoryReader.indexExists(directory)) {
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

  private void refreshQuietly() {
    try {
      refresh();
    } catch (IOException | RuntimeException e) {
      log.atWarn().addKeyValue("index", indexDir).setCause(e).log("index refresh failed");
    }
  }

  @Override
  public List<ScoredPassage> search(String question, int limit) {
    if (limit < 1) throw new IllegalArgumentException("limit must be >= 1, got " + limit);
    SearcherManager m = manager;
    if (m == null) return List.of();
    Optional<Query> query = queries.build(QueryTerms.of(analyzer, question));
    if (query.isEmpty()) return List.of();
    try {
      IndexSearcher s = m.acquire();
      try {
        TopDocs top = s.search(query.get(), limit);
        StoredFields stored = s.getIndexReader().storedFields();
        List<ScoredPassage> out = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
          out.add(new ScoredPassage(PassageDocuments.fromDocument(stored.document(sd.doc)), sd.score));
        }
        return out;
      } finally {
        m.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("search failed in " + indexDir, e);
    }
  }

  /** The sentence of {@code passage} that best matches {@code question}, terms weighted by IDF. */
  public MatchedSentence bestSentence(String question, Passage passage) {
    SearcherManager m = manager;
    if (m == null) return new BestSentence(analyzer, t -> 1).find(question, passage);
    try {
      IndexSearcher s = m.acquire();
      try {
        IndexReader r = s.getIndexReader();
        int docs = Math.max(1, r.numDocs());
        return new BestSentence(analyzer, t -> {
          try {
            int df = r.docFreq(new Term(IndexFields.TEXT, t));
            return Math.log(1 + (docs - df + 0.5) / (df + 0.5));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }).find(question, passage);
      } finally {
        m.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + indexDir, e);
    }
  }

  /** Articles, passages, dates and last reindex time of the commit being searched. */
  public CorpusStats stats() {
    SearcherManager m = manager;
    if (m == null) return CorpusStats.EMPTY;
    try {
      IndexSearcher s = m.acquire();
      try {
        return CorpusStats.of((DirectoryReader) s.getIndexReader());
      } finally {
        m.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + indexDir, e);
    }
  }

  @Override
  public void close() throws IOException {
    refresher.shutdownNow();
    synchronized (this) {
      if (manager != null) manager.close();
      manager = null;
    }
    directory.close();
  }
}

package org.newsdesk.bot;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.newsdesk.bot.log.AnswerLog;
import org.newsdesk.bot.log.LogDatabase;
import org.newsdesk.bot.telegram.IndexedLibrary;
import org.newsdesk.bot.telegram.Library;
import org.newsdesk.config.NewsdeskConfig;
import org.newsdesk.retrieval.answer.Answerer;
import org.newsdesk.retrieval.answer.DefaultAnswerer;
import org.newsdesk.retrieval.index.ArticleIndexer;
import org.newsdesk.retrieval.index.IndexUnavailableException;
import org.newsdesk.retrieval.index.NewsAnalyzer;
import org.newsdesk.retrieval.index.PassageIndex;
import org.newsdesk.retrieval.index.PassageIndexes;
import org.newsdesk.retrieval.index.ReindexBusyException;
import org.newsdesk.retrieval.index.ReindexReport;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.search.BestSentence;
import org.newsdesk.retrieval.search.LucenePassageSearcher;
import org.newsdesk.retrieval.search.MatchedSentence;
import org.newsdesk.retrieval.search.PassageSearcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application assembled from its configuration, in one place: every command asks it for what
 * it needs (the indexer, the searcher, the answerer, the bot's library, the answer log) instead of
 * wiring them itself. Each part is built on first use and only once, so a command that never
 * answers never opens a model or a database; {@link #close} closes what was opened, newest first.
 * Not for concurrent assembly: a command builds what it needs on its own thread, then shares the
 * parts (which are thread-safe) with its workers.
 */
public final class Newsdesk implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Newsdesk.class);

  private final NewsdeskConfig config;
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();
  private ArticleIndexer indexer;
  private LucenePassageSearcher searcher;
  /** The index on a search cluster, when the configuration puts it there; null until opened. */
  private Optional<PassageIndex> cluster;
  private Answerer answerer;
  private LogDatabase logDatabase;
  private AnswerLog answerLog;

  private Newsdesk(NewsdeskConfig config) {
    this.config = config;
  }

  public static Newsdesk of(NewsdeskConfig config) {
    return new Newsdesk(config);
  }

  public NewsdeskConfig config() {
    return config;
  }

  /** Where the index of the configured data folder lives. */
  public Path indexDirectory() {
    return ArticleIndexer.indexDirectory(config.data());
  }

  /** Where the configured index lives, for messages: a folder, or a cluster's URL and index name. */
  public String indexLocation() {
    return config.index().backend() == org.newsdesk.config.IndexConfig.Backend.LUCENE
        ? indexDirectory().toString() : config.index().openSearch().describe();
  }

  /** The configured index when it lives on a search cluster; empty for the embedded Lucene index. */
  private Optional<PassageIndex> cluster() {
    if (cluster == null) cluster = PassageIndexes.cluster(config.index(), config.retrieval()).map(this::opened);
    return cluster;
  }

  /** The one indexer of the configured index. */
  public ArticleIndexer indexer() {
    if (indexer == null) {
      indexer = cluster().map(c -> new ArticleIndexer(c, config.ingest(), Runtime.getRuntime().availableProcessors()))
          .orElseGet(() -> new ArticleIndexer(indexDirectory(), config.ingest()));
    }
    return indexer;
  }

  /** Passages for a question from the configured index, best first. */
  public PassageSearcher passages() {
    return cluster().<PassageSearcher>map(c -> c::lexical).orElseGet(this::searcher);
  }

  /**
   * Whether the configured index has a commit to search.
   *
   * @throws IndexUnavailableException when it lives on a cluster that cannot be reached
   */
  public boolean hasIndex() {
    return cluster().map(PassageIndex::hasIndex).orElseGet(() -> searcher().hasIndex());
  }

  /** The sentence of {@code passage} that best matches {@code question} (on a cluster, without term weights). */
  public MatchedSentence bestSentence(String question, Passage passage) {
    return cluster().isPresent() ? new BestSentence(new NewsAnalyzer(), t -> 1).find(question, passage)
        : searcher().bestSentence(question, passage);
  }

  /** The searcher of the configured index; it follows new commits by itself. */
  public LucenePassageSearcher searcher() {
    if (searcher == null) {
      try {
        searcher = opened(new LucenePassageSearcher(indexDirectory(), config.retrieval()));
      } catch (IOException e) {
        throw new UserFacingException("cannot open the index at " + indexDirectory() + ": " + e.getMessage(), e);
      }
    }
    return searcher;
  }

  /**
   * Makes sure there is something to answer from: indexes the configured articles folder first
   * when {@code articlesGiven} (so edits to it are never silently ignored; cheap when nothing
   * changed) or when there is no index yet (so a fresh checkout answers over the samples). Progress
   * and the report's counts go to {@code progress}, never to the answers.
   */
  public Newsdesk indexed(boolean articlesGiven, PrintStream progress) {
    boolean fresh = !hasIndex();
    if (!fresh && !articlesGiven) return this;
    Path articles = config.articles();
    if (!Files.isDirectory(articles)) {
      throw new UserFacingException(articlesGiven ? "no articles folder at " + articles
          : "no index at " + indexDirectory() + " and no articles folder at " + articles
              + "; run: newsdesk index --articles DIR");
    }
    if (fresh) progress.println("newsdesk: no index yet, indexing " + articles + " first...");
    ReindexReport report;
    try {
      report = indexer().reindex(articles);
      if (cluster().isPresent()) cluster().get().refresh();
      else searcher().refresh();
    } catch (ReindexBusyException e) {
      if (fresh) throw new UserFacingException(e.getMessage(), e);
      progress.println("newsdesk: another reindex is running on " + indexLocation()
          + "; answering from the index as it stands");
      return this;
    } catch (IOException | RuntimeException e) {
      if (e instanceof UserFacingException u) throw u;
      if (e instanceof IndexUnavailableException u) throw u;
      throw new UserFacingException("indexing " + articles + " failed: " + e.getMessage(), e);
    }
    boolean changed = report.files().stream().anyMatch(f -> f.bucket() != ReindexReport.Bucket.UNCHANGED);
    if (fresh || changed) progress.println("newsdesk: " + articles + ": " + report.countsLine());
    return this;
  }

  /** The answerer of the configured mode over the searcher. */
  public Answerer answerer() {
    if (answerer == null) {
      answerer = DefaultAnswerer.create(passages(), config.retrieval().topK(), config.answer(), config.llm());
    }
    return answerer;
  }

  /** The collection as the bot sees it: reindex on request, what it holds. */
  public Library library() {
    return cluster().map(c -> new IndexedLibrary(indexer(), c, config.articles()))
        .orElseGet(() -> new IndexedLibrary(indexer(), searcher(), config.articles()));
  }

  /** The answer log's database, migrated to the current schema. */
  public LogDatabase logDatabase() {
    if (logDatabase == null) logDatabase = new LogDatabase(config.log()).migrate();
    return logDatabase;
  }

  /** The answer log as this process writes it, named so two instances never answer one question. */
  public AnswerLog answerLog() {
    if (answerLog == null) answerLog = opened(new AnswerLog(logDatabase(), instanceName()));
    return answerLog;
  }

  private <T extends AutoCloseable> T opened(T part) {
    opened.push(part);
    return part;
  }

  @Override
  public void close() {
    while (!opened.isEmpty()) {
      AutoCloseable part = opened.pop();
      try {
        part.close();
      } catch (Exception e) {
        log.atWarn().setCause(e).addKeyValue("part", part.getClass().getSimpleName()).log("close failed");
      }
    }
  }

  private static String instanceName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "host";
    }
    return host + "-" + ProcessHandle.current().pid();
  }
}

package org.newsdesk.bot;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.newsdesk.bot.log.AnswerLog;
import org.newsdesk.bot.log.LogDatabase;
import org.newsdesk.bot.telegram.IndexedLibrary;
import org.newsdesk.bot.telegram.Library;
import org.newsdesk.config.IndexConfig;
import org.newsdesk.config.ConfigException;
import org.newsdesk.config.NewsdeskConfig;
import org.newsdesk.retrieval.answer.Answerer;
import org.newsdesk.retrieval.answer.DefaultAnswerer;
import org.newsdesk.retrieval.answer.SentenceVectors;
import org.newsdesk.retrieval.embed.LazyEmbeddingModel;
import org.newsdesk.retrieval.embed.RecentEmbeddings;
import org.newsdesk.retrieval.index.ArticleIndexer;
import org.newsdesk.retrieval.index.IndexMismatchException;
import org.newsdesk.retrieval.index.IndexUnavailableException;
import org.newsdesk.retrieval.index.LucenePassageIndex;
import org.newsdesk.retrieval.index.PassageIndex;
import org.newsdesk.retrieval.index.PassageIndexes;
import org.newsdesk.retrieval.index.ReindexBusyException;
import org.newsdesk.retrieval.index.ReindexProgress;
import org.newsdesk.retrieval.index.ReindexReport;
import org.newsdesk.retrieval.index.SideVectors;
import org.newsdesk.retrieval.search.HybridSearcher;
import org.newsdesk.retrieval.search.PassageSearcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application assembled from its configuration, in one place: every command asks it for what
 * it needs (the passage index, the indexer, the searcher, the answerer, the bot's library, the
 * answer log) instead of wiring them itself. Each part is built on first use and only once, so a
 * command that never answers never opens a model or a database, and the embedding model is loaded
 * only when dense retrieval is on and something is embedded; {@link #close} closes what was
 * opened, newest first.
 * Not for concurrent assembly: a command builds what it needs on its own thread, then shares the
 * parts (which are thread-safe) with its workers. It stays one class, a little over 300 lines: one
 * short method per part, and splitting it would scatter the one place the wiring is read.
 */
public final class Newsdesk implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Newsdesk.class);

  private final NewsdeskConfig config;
  private final EmbeddingModel denseModel;
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();
  private PassageIndex index;
  private Optional<EmbeddingModel> embeddingModel;
  private Optional<EmbeddingModel> questionModel;
  private Optional<SentenceVectors> sentenceVectors;
  private ArticleIndexer indexer;
  private HybridSearcher searcher;
  private Answerer answerer;
  private LogDatabase logDatabase;
  private AnswerLog answerLog;

  private Newsdesk(NewsdeskConfig config, EmbeddingModel denseModel) {
    this.config = config;
    this.denseModel = denseModel;
  }

  /** The application with bge-small-en-v1.5 as the embedding model of dense retrieval. */
  public static Newsdesk of(NewsdeskConfig config) {
    return new Newsdesk(config, LazyEmbeddingModel.bgeSmall());
  }

  /**
   * The application with another embedding model (for tests and benchmarks); used only when dense
   * retrieval is on, so it should load lazily ({@link LazyEmbeddingModel}). Closed with the application.
   */
  public static Newsdesk of(NewsdeskConfig config, EmbeddingModel denseModel) {
    return new Newsdesk(config, denseModel);
  }

  public NewsdeskConfig config() {
    return config;
  }

  /** Where the index of the configured data folder lives. */
  public Path indexDirectory() {
    return LucenePassageIndex.directoryOf(config.data());
  }

  /** Where the configured index lives, for messages: a folder, or a cluster's URL and index name. */
  public String indexLocation() {
    return config.index().backend() == IndexConfig.Backend.LUCENE
        ? indexDirectory().toString() : config.index().openSearch().describe();
  }

  /**
   * The configured passage index, embedded Lucene under the data folder or an OpenSearch cluster
   * ({@code newsdesk.index.backend}); it follows new commits by itself.
   *
   * @throws IndexUnavailableException when it lives on a cluster that cannot be reached
   */
  public PassageIndex index() {
    if (index == null) {
      try {
        index = opened(PassageIndexes.open(config.index(), config.retrieval(), indexDirectory()));
      } catch (IOException e) {
        throw new UserFacingException("cannot open the index at " + indexLocation() + ": " + e.getMessage(), e);
      }
    }
    return index;
  }

  /**
   * The embedding model of dense retrieval, loaded on its first embedding (so an unchanged reindex
   * never loads it); empty when {@code newsdesk.retrieval.dense} is off.
   */
  public Optional<EmbeddingModel> embeddingModel() {
    if (embeddingModel == null) {
      if (config.retrieval().hybrid().dense()) {
        if (denseModel instanceof AutoCloseable c) opened(c);
        embeddingModel = Optional.of(denseModel);
      } else {
        embeddingModel = Optional.empty();
      }
    }
    return embeddingModel;
  }

  /**
   * The embedding model as the question side uses it (search, reader, answer log): one question is
   * embedded once for all three, and sentences that come back are not embedded again.
   */
  private Optional<EmbeddingModel> questionModel() {
    if (questionModel == null) {
      questionModel = embeddingModel().map(m -> new RecentEmbeddings(sentenceVectors().map(s -> s.reading(m)).orElse(m)));
    }
    return questionModel;
  }

  /**
   * The reader's sentence vectors kept beside the index, when {@code newsdesk.answer.sentence-vectors}
   * is on (and dense retrieval, whose model makes them); the indexer fills them, the answerer reads them.
   */
  public Optional<SentenceVectors> sentenceVectors() {
    if (sentenceVectors == null) {
      Optional<EmbeddingModel> model = embeddingModel();
      if (config.answer().sentenceVectors() && model.isPresent()) {
        Path dir = SentenceVectors.directoryOf(config.data());
        try {
          sentenceVectors = Optional.of(opened(SentenceVectors.open(dir, model.get().modelName())));
        } catch (IOException e) {
          throw new UserFacingException("cannot open the sentence vectors at " + dir + ": " + e.getMessage(), e);
        }
      } else {
        sentenceVectors = Optional.empty();
      }
    }
    return sentenceVectors;
  }

  /** The one indexer of the configured index. */
  public ArticleIndexer indexer() {
    if (indexer == null) {
      indexer = new ArticleIndexer(index(), config.ingest(), embeddingModel(), Runtime.getRuntime().availableProcessors(),
          List.of(), sentenceVectors().map(SideVectors.class::cast));
    }
    return indexer;
  }

  /**
   * The searcher of the configured index: words and meaning fused, or BM25 alone when dense
   * retrieval is off.
   *
   * @throws UserFacingException when the index was built otherwise (another model, or no vectors while dense is on)
   */
  public PassageSearcher searcher() {
    if (searcher == null) {
      try {
        searcher = new HybridSearcher(index(), questionModel(), config.retrieval().hybrid());
      } catch (IndexMismatchException e) {
        throw new UserFacingException(e.getMessage(), e);
      }
    }
    return searcher;
  }

  /**
   * Makes sure there is something to answer from: indexes the configured articles folder first
   * when {@code articlesGiven} (so edits to it are never silently ignored; cheap when nothing
   * changed) or when there is no index yet (so a fresh checkout answers over the samples). Progress
   * and the report's counts go to {@code progress}, never to the answers.
   *
   * @throws ConfigException when there is no index and no articles folder to build one from, or
   *     {@code articlesGiven} names no folder
   */
  public Newsdesk indexed(boolean articlesGiven, PrintStream progress) {
    boolean fresh = !index().hasIndex();
    if (!fresh && !articlesGiven) return this;
    Path articles = config.articles();
    if (!Files.isDirectory(articles)) {
      throw new ConfigException(articlesGiven ? "no articles folder at " + articles
          : "no index at " + indexLocation() + " and no articles folder at " + articles
              + "; run: newsdesk index --articles DIR");
    }
    if (fresh) progress.println("newsdesk: no index yet, indexing " + articles + " first...");
    ReindexReport report;
    try {
      report = reindex(articles, ReindexProgress.NONE, progress);
      index().refresh();
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

  /**
   * Reindexes {@code articles} incrementally into the configured index, telling {@code progress} how
   * it goes. When the index holds articles of another folder (none of its files is in this one),
   * one line on {@code notices} says what is replaced before anything is. A first reindex that fails
   * before its commit leaves no index folder behind: a later command then sees no index, as before,
   * rather than an empty one.
   *
   * @throws ReindexBusyException when another reindex holds the index
   */
  public ReindexReport reindex(Path articles, ReindexProgress progress, PrintStream notices) throws IOException {
    Path folder = indexDirectory();
    boolean first = !Files.exists(folder);
    try {
      return indexer().reindex(articles, new ReplacementNotice(progress, notices, folder, articles));
    } catch (ReindexBusyException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      if (first) removeUncommitted(folder);
      throw e;
    }
  }

  /** Deletes the index folder this run created when it holds no commit; anything else stays as it is. */
  private void removeUncommitted(Path folder) {
    if (!Files.isDirectory(folder)) return; // a server-side index leaves no folder here
    try {
      index().refresh();
      if (index().hasIndex()) return;
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
      }
    } catch (IOException | RuntimeException e) {
      log.atWarn().setCause(e).addKeyValue("index", folder).log("cannot remove the index folder of a failed first reindex");
    }
  }

  /** The answerer of the configured mode over the searcher. */
  public Answerer answerer() {
    if (answerer == null) {
      answerer = DefaultAnswerer.create(searcher(), config.retrieval().topK(), config.answer(), config.llm(),
          questionModel());
    }
    return answerer;
  }

  /** The collection as the bot sees it: reindex on request, what it holds. */
  public Library library() {
    return new IndexedLibrary(indexer(), index(), config.articles());
  }

  /** The answer log's database, migrated to the current schema. */
  public LogDatabase logDatabase() {
    if (logDatabase == null) logDatabase = new LogDatabase(config.log()).migrate();
    return logDatabase;
  }

  /**
   * The answer log's database as it exists, migrated; for readers of the log (the review page),
   * which must not create an empty one where a mistyped {@code --data} points.
   *
   * @throws LogDatabase.Missing when there is no answer log at the configured place
   */
  public LogDatabase existingLogDatabase() {
    if (logDatabase == null) logDatabase = new LogDatabase(config.log()).migrateExisting();
    return logDatabase;
  }

  /**
   * The answer log as this process writes it, named so two instances never answer one question;
   * with dense retrieval on, it stores the meaning of what the articles could not answer.
   */
  public AnswerLog answerLog() {
    if (answerLog == null) {
      answerLog = opened(new AnswerLog(logDatabase(), instanceName(), System::currentTimeMillis, questionModel()));
    }
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
    // The random part keeps two processes apart that share a host name and a pid (pid 1 in containers).
    return host + "-" + ProcessHandle.current().pid() + "-" + java.util.HexFormat.of().toHexDigits(
        new java.security.SecureRandom().nextInt()).substring(0, 6);
  }
}

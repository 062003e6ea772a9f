package org.newsdesk.bot.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.newsdesk.bot.UserFacingException;
import org.newsdesk.config.NewsdeskConfig;
import org.newsdesk.retrieval.answer.Answerer;
import org.newsdesk.retrieval.answer.DefaultAnswerer;
import org.newsdesk.retrieval.index.ArticleIndexer;
import org.newsdesk.retrieval.index.ReindexBusyException;
import org.newsdesk.retrieval.index.ReindexReport;
import org.newsdesk.retrieval.search.LucenePassageSearcher;

/**
 * The answerer over the configured index, for ask, chat and serve. With {@code --articles DIR} given, that
 * folder is indexed incrementally first (cheap when nothing changed), so edits to it are never
 * silently ignored. Without it, the index is used as it is; on a fresh checkout there is none yet,
 * and the configured articles folder is indexed first, so the first {@code newsdesk ask} answers
 * over the shipped samples.
 */
final class AnswerPipeline implements AutoCloseable {
  private final LucenePassageSearcher searcher;
  private final Answerer answerer;

  private AnswerPipeline(LucenePassageSearcher searcher, Answerer answerer) {
    this.searcher = searcher;
    this.answerer = answerer;
  }

  /**
   * Opens the index, indexing {@code config.articles()} first when {@code articlesGiven} or when
   * there is no index yet; progress lines go to {@code progress} (stderr), never to the answers.
   */
  static AnswerPipeline open(NewsdeskConfig config, boolean articlesGiven, PrintStream progress) {
    Path indexDir = ArticleIndexer.indexDirectory(config.data());
    LucenePassageSearcher searcher;
    try {
      searcher = new LucenePassageSearcher(indexDir, config.retrieval());
    } catch (IOException e) {
      throw new UserFacingException("cannot open the index at " + indexDir + ": " + e.getMessage(), e);
    }
    try {
      boolean fresh = !searcher.hasIndex();
      if (fresh || articlesGiven) {
        if (!Files.isDirectory(config.articles())) {
          throw new UserFacingException(articlesGiven ? "no articles folder at " + config.articles()
              : "no index at " + indexDir + " and no articles folder at " + config.articles()
                  + "; run: newsdesk index --articles DIR");
        }
        if (fresh) progress.println("newsdesk: no index yet, indexing " + config.articles() + " first...");
        reindex(config, indexDir, fresh, progress);
        searcher.refresh();
      }
    } catch (IOException | RuntimeException e) {
      closeQuietly(searcher);
      if (e instanceof UserFacingException u) throw u;
      throw new UserFacingException("indexing " + config.articles() + " failed: " + e.getMessage(), e);
    }
    return new AnswerPipeline(searcher,
        DefaultAnswerer.create(searcher, config.retrieval().topK(), config.answer(), config.llm()));
  }

  /** Applies the folder's changes; reports them unless nothing changed. A busy index is answered as it stands. */
  private static void reindex(NewsdeskConfig config, Path indexDir, boolean fresh, PrintStream progress)
      throws IOException {
    ReindexReport report;
    try {
      report = new ArticleIndexer(indexDir, config.ingest()).reindex(config.articles());
    } catch (ReindexBusyException e) {
      if (fresh) throw new UserFacingException(e.getMessage(), e);
      progress.println("newsdesk: another reindex is running on " + indexDir + "; answering from the index as it stands");
      return;
    }
    boolean changed = report.files().stream().anyMatch(f -> f.bucket() != ReindexReport.Bucket.UNCHANGED);
    if (fresh || changed) progress.println("newsdesk: " + config.articles() + ": " + report.countsLine());
  }

  Answerer answerer() {
    return answerer;
  }

  /** The searcher the answers come from; it sees new index commits by itself. */
  LucenePassageSearcher searcher() {
    return searcher;
  }

  @Override
  public void close() {
    closeQuietly(searcher);
  }

  private static void closeQuietly(LucenePassageSearcher s) {
    try {
      s.close();
    } catch (IOException e) {
      org.slf4j.LoggerFactory.getLogger(AnswerPipeline.class).atWarn().setCause(e).log("index close failed");
    }
  }
}

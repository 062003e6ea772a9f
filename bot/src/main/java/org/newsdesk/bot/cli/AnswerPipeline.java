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
import org.newsdesk.retrieval.index.ReindexReport;
import org.newsdesk.retrieval.search.LucenePassageSearcher;

/**
 * The answerer over the configured index, for ask and chat. On a fresh checkout there is no index
 * yet: when the configured articles folder exists it is indexed first, so the first
 * {@code newsdesk ask} answers over the shipped samples.
 */
final class AnswerPipeline implements AutoCloseable {
  private final LucenePassageSearcher searcher;
  private final Answerer answerer;

  private AnswerPipeline(LucenePassageSearcher searcher, Answerer answerer) {
    this.searcher = searcher;
    this.answerer = answerer;
  }

  static AnswerPipeline open(NewsdeskConfig config, PrintStream progress) {
    Path indexDir = ArticleIndexer.indexDirectory(config.data());
    LucenePassageSearcher searcher;
    try {
      searcher = new LucenePassageSearcher(indexDir, config.retrieval());
    } catch (IOException e) {
      throw new UserFacingException("cannot open the index at " + indexDir + ": " + e.getMessage(), e);
    }
    try {
      if (!searcher.hasIndex()) {
        if (!Files.isDirectory(config.articles())) {
          throw new UserFacingException("no index at " + indexDir + " and no articles folder at " + config.articles()
              + "; run: newsdesk index --articles DIR");
        }
        progress.println("newsdesk: no index yet, indexing " + config.articles() + " first...");
        ReindexReport report = new ArticleIndexer(indexDir, config.ingest()).reindex(config.articles());
        progress.println("newsdesk: " + report.countsLine());
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

  Answerer answerer() {
    return answerer;
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

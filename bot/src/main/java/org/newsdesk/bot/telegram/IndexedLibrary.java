package org.newsdesk.bot.telegram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.newsdesk.retrieval.index.ArticleIndexer;
import org.newsdesk.retrieval.index.CorpusStats;
import org.newsdesk.retrieval.index.ReindexBusyException;
import org.newsdesk.retrieval.search.LucenePassageSearcher;

/** The Lucene index as the bot's {@link Library}: reindex the articles folder, report what it holds. The searcher stays its owner's. */
public final class IndexedLibrary implements Library {
  private final ArticleIndexer indexer;
  private final LucenePassageSearcher searcher;
  private final Path articles;

  public IndexedLibrary(ArticleIndexer indexer, LucenePassageSearcher searcher, Path articles) {
    this.indexer = indexer;
    this.searcher = searcher;
    this.articles = articles;
  }

  @Override
  public String reindex() {
    try {
      String report = indexer.reindex(articles).format();
      searcher.refresh();
      return report;
    } catch (ReindexBusyException e) {
      return "Another reindex is running right now; nothing was changed. Try again in a minute.";
    } catch (IOException e) {
      throw new UncheckedIOException("reindex of " + articles + " failed", e);
    }
  }

  @Override
  public SourcesInfo sources() {
    CorpusStats s = searcher.stats();
    return new SourcesInfo(s.articles(), s.earliest(), s.latest(), s.reindexedAt());
  }
}

package org.newsdesk.bot.telegram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.newsdesk.retrieval.index.ArticleIndexer;
import org.newsdesk.retrieval.index.CorpusStats;
import org.newsdesk.retrieval.index.PassageIndex;
import org.newsdesk.retrieval.index.ReindexBusyException;

/** The passage index as the bot's {@link Library}: reindex the articles folder, report what it holds. The index stays its owner's. */
public final class IndexedLibrary implements Library {
  private final ArticleIndexer indexer;
  private final PassageIndex index;
  private final Path articles;

  public IndexedLibrary(ArticleIndexer indexer, PassageIndex index, Path articles) {
    this.indexer = indexer;
    this.index = index;
    this.articles = articles;
  }

  @Override
  public String reindex() {
    try {
      String report = indexer.reindex(articles).format();
      index.refresh();
      return report;
    } catch (ReindexBusyException e) {
      return "Another reindex is running right now; nothing was changed. Try again in a minute.";
    } catch (IOException e) {
      throw new UncheckedIOException("reindex of " + articles + " failed", e);
    }
  }

  @Override
  public SourcesInfo sources() {
    CorpusStats s = index.stats();
    return new SourcesInfo(s.articles(), s.earliest(), s.latest(), s.reindexedAt());
  }
}

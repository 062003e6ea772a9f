package org.newsdesk.bot.telegram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.newsdesk.retrieval.index.ArticleIndexer;
import java.util.function.Supplier;
import org.newsdesk.retrieval.index.CorpusStats;
import org.newsdesk.retrieval.index.PassageIndex;
import org.newsdesk.retrieval.index.ReindexBusyException;
import org.newsdesk.retrieval.search.LucenePassageSearcher;

/** The index as the bot's {@link Library}: reindex the articles folder, report what it holds. The index stays its owner's. */
public final class IndexedLibrary implements Library {
  /** Moves the reader to the newest commit. */
  private interface Refresh {
    void run() throws IOException;
  }

  private final ArticleIndexer indexer;
  private final Refresh refresh;
  private final Supplier<CorpusStats> stats;
  private final Path articles;

  public IndexedLibrary(ArticleIndexer indexer, LucenePassageSearcher searcher, Path articles) {
    this(indexer, searcher::refresh, searcher::stats, articles);
  }

  public IndexedLibrary(ArticleIndexer indexer, PassageIndex index, Path articles) {
    this(indexer, index::refresh, index::stats, articles);
  }

  private IndexedLibrary(ArticleIndexer indexer, Refresh refresh, Supplier<CorpusStats> stats, Path articles) {
    this.indexer = indexer;
    this.refresh = refresh;
    this.stats = stats;
    this.articles = articles;
  }

  @Override
  public String reindex() {
    try {
      String report = indexer.reindex(articles).format();
      refresh.run();
      return report;
    } catch (ReindexBusyException e) {
      return "Another reindex is running right now; nothing was changed. Try again in a minute.";
    } catch (IOException e) {
      throw new UncheckedIOException("reindex of " + articles + " failed", e);
    }
  }

  @Override
  public SourcesInfo sources() {
    CorpusStats s = stats.get();
    return new SourcesInfo(s.articles(), s.earliest(), s.latest(), s.reindexedAt());
  }
}

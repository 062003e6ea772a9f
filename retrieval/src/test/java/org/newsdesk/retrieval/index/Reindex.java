package org.newsdesk.retrieval.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.newsdesk.config.IngestConfig;
import org.newsdesk.config.RetrievalConfig;

/** One reindex of an articles folder into a Lucene index with the default settings, words only; the index closed after. */
public final class Reindex {
  private Reindex() {}

  public static ReindexReport once(Path indexDir, Path articles) throws IOException {
    try (LucenePassageIndex index = new LucenePassageIndex(indexDir, RetrievalConfig.defaults())) {
      return new ArticleIndexer(index, IngestConfig.defaults(), Optional.empty()).reindex(articles);
    }
  }
}

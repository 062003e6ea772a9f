package org.newsdesk.retrieval.index;

import java.io.IOException;
import java.nio.file.Path;
import org.newsdesk.config.IndexConfig;
import org.newsdesk.config.RetrievalConfig;
import org.newsdesk.retrieval.index.opensearch.OpenSearchPassageIndex;

/** Opens the passage index the configuration names. */
public final class PassageIndexes {
  private PassageIndexes() {}

  /**
   * The configured index: embedded Lucene in {@code luceneDirectory}, or the index on a search
   * cluster; either follows new commits by itself.
   *
   * @throws IndexUnavailableException when the cluster cannot be reached
   */
  public static PassageIndex open(IndexConfig index, RetrievalConfig retrieval, Path luceneDirectory)
      throws IOException {
    return switch (index.backend()) {
      case LUCENE -> new LucenePassageIndex(luceneDirectory, retrieval);
      case OPENSEARCH -> OpenSearchPassageIndex.open(index.openSearch(), retrieval);
    };
  }
}

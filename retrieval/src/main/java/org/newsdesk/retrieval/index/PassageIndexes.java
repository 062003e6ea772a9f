package org.newsdesk.retrieval.index;

import java.util.Optional;
import org.newsdesk.config.IndexConfig;
import org.newsdesk.config.RetrievalConfig;
import org.newsdesk.retrieval.index.opensearch.OpenSearchPassageIndex;

/** Opens the passage index the configuration names. */
public final class PassageIndexes {
  private PassageIndexes() {}

  /**
   * The index on a search cluster when {@code index} says so (it follows new commits by itself);
   * empty for the embedded Lucene index under the data folder, which its own classes open.
   */
  public static Optional<PassageIndex> cluster(IndexConfig index, RetrievalConfig retrieval) {
    return switch (index.backend()) {
      case LUCENE -> Optional.empty();
      case OPENSEARCH -> Optional.of(OpenSearchPassageIndex.open(index.openSearch(), retrieval));
    };
  }
}

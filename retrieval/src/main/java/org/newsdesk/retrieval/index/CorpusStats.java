package org.newsdesk.retrieval.index;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * What the index knows, for /sources: read from the user data of the last commit, so it costs
 * nothing to ask. An empty index has zero articles and no dates.
 */
public record CorpusStats(int articles, int passages, Optional<LocalDate> earliest, Optional<LocalDate> latest,
                          Optional<Instant> reindexedAt) {
  public static final CorpusStats EMPTY = new CorpusStats(0, 0, Optional.empty(), Optional.empty(), Optional.empty());

  static CorpusStats fromCommitData(Map<String, String> data) {
    return new CorpusStats(
        Integer.parseInt(data.getOrDefault(IndexFields.COMMIT_ARTICLES, "0")),
        Integer.parseInt(data.getOrDefault(IndexFields.COMMIT_PASSAGES, "0")),
        Optional.ofNullable(data.get(IndexFields.COMMIT_EARLIEST)).map(LocalDate::parse),
        Optional.ofNullable(data.get(IndexFields.COMMIT_LATEST)).map(LocalDate::parse),
        Optional.ofNullable(data.get(IndexFields.COMMIT_REINDEXED_AT)).map(Instant::parse));
  }

  /** The statistics of the commit a reader was opened on. */
  public static CorpusStats of(org.apache.lucene.index.DirectoryReader reader) throws java.io.IOException {
    return fromCommitData(reader.getIndexCommit().getUserData());
  }
}

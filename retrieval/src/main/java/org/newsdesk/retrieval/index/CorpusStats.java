package org.newsdesk.retrieval.index;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;

/**
 * What the index knows, for /sources: read from the user data of the last commit, so it costs
 * nothing to ask. An empty index has zero articles and no dates.
 */
public record CorpusStats(int articles, int passages, Optional<LocalDate> earliest, Optional<LocalDate> latest,
                          Optional<Instant> reindexedAt) {
  public static final CorpusStats EMPTY = new CorpusStats(0, 0, Optional.empty(), Optional.empty(), Optional.empty());

  /** The statistics of a corpus whose files have these manifests: only articles that made it into passages count. */
  static CorpusStats of(Collection<FileManifest> manifests, Instant reindexedAt) {
    List<FileManifest.Entry> indexed = manifests.stream().flatMap(m -> m.articles().stream())
        .filter(FileManifest.Entry::indexed).toList();
    return new CorpusStats(indexed.size(), indexed.stream().mapToInt(FileManifest.Entry::passages).sum(),
        indexed.stream().flatMap(e -> e.published().stream()).min(Comparator.naturalOrder()),
        indexed.stream().flatMap(e -> e.published().stream()).max(Comparator.naturalOrder()),
        Optional.of(reindexedAt));
  }

  /** The statistics of the commit a reader was opened on. */
  public static CorpusStats of(DirectoryReader reader) throws IOException {
    return fromCommitData(reader.getIndexCommit().getUserData());
  }

  static CorpusStats fromCommitData(Map<String, String> data) {
    return new CorpusStats(
        Integer.parseInt(data.getOrDefault(IndexFields.COMMIT_ARTICLES, "0")),
        Integer.parseInt(data.getOrDefault(IndexFields.COMMIT_PASSAGES, "0")),
        Optional.ofNullable(data.get(IndexFields.COMMIT_EARLIEST)).map(LocalDate::parse),
        Optional.ofNullable(data.get(IndexFields.COMMIT_LATEST)).map(LocalDate::parse),
        Optional.ofNullable(data.get(IndexFields.COMMIT_REINDEXED_AT)).map(Instant::parse));
  }

  /** The commit user data that {@link #fromCommitData} reads back. */
  Map<String, String> toCommitData() {
    Map<String, String> data = new HashMap<>();
    reindexedAt.ifPresent(t -> data.put(IndexFields.COMMIT_REINDEXED_AT, t.toString()));
    data.put(IndexFields.COMMIT_ARTICLES, Integer.toString(articles));
    data.put(IndexFields.COMMIT_PASSAGES, Integer.toString(passages));
    earliest.ifPresent(d -> data.put(IndexFields.COMMIT_EARLIEST, d.toString()));
    latest.ifPresent(d -> data.put(IndexFields.COMMIT_LATEST, d.toString()));
    return data;
  }
}

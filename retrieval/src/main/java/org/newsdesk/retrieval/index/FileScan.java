package org.newsdesk.retrieval.index;

import java.util.List;
import org.newsdesk.retrieval.ingest.ParseOutcome;

/** One article file as a reindex first sees it: unchanged since the last run, parsed, or rejected. */
sealed interface FileScan {
  String path();

  /** Same content as when {@code manifest} was written: skipped without parsing. */
  record Unchanged(String path, FileManifest manifest) implements FileScan {}

  /**
   * New or changed: parsed, with each article's paragraph fingerprints (in the order of
   * {@code outcome.articles()}, one per paragraph) and the file's content {@code hash}.
   */
  record Parsed(String path, String hash, ParseOutcome outcome, List<long[]> fingerprints) implements FileScan {
    public Parsed {
      fingerprints = List.copyOf(fingerprints);
      if (fingerprints.size() != outcome.articles().size()) {
        throw new IllegalArgumentException("one fingerprint array per article expected: " + path);
      }
    }
  }

  /** Not usable; {@code reason} says why. */
  record Rejected(String path, String reason) implements FileScan {}
}

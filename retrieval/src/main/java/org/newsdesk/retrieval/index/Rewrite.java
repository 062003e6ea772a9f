package org.newsdesk.retrieval.index;

import java.util.List;
import java.util.Set;
import org.newsdesk.retrieval.ingest.RawArticle;

/**
 * A file whose passages are written again in this run: its articles that hold their id
 * ({@code candidates}), the problems to report (parse rejections, duplicate ids) and whether it is
 * only {@code recleaned} because the paragraphs it shares with other articles changed.
 */
record Rewrite(String path, String hash, List<Candidate> candidates, List<String> problems, boolean recleaned) {
  Rewrite {
    candidates = List.copyOf(candidates);
    problems = List.copyOf(problems);
  }

  /** A parsed article, with the fingerprint of each paragraph and their distinct set. */
  record Candidate(RawArticle raw, long[] paragraphFingerprints, Set<Long> fingerprints) {
    Candidate {
      fingerprints = Set.copyOf(fingerprints);
    }
  }
}

package org.newsdesk.retrieval.index;

import java.util.List;
import java.util.Set;
import org.newsdesk.retrieval.ingest.RawArticle;

/**
 * A file whose passages are written again in this run: its articles that hold their id
 * ({@code candidates}), the problems to report (its own parse rejections, and articles left out
 * for an id another file holds) and whether it is only {@code recleaned} because the paragraphs it
 * shares with other articles changed.
 */
record Rewrite(String path, String hash, List<Candidate> candidates, List<String> parseProblems,
               List<String> idProblems, boolean recleaned) {
  Rewrite {
    candidates = List.copyOf(candidates);
    parseProblems = List.copyOf(parseProblems);
    idProblems = List.copyOf(idProblems);
  }

  /** Every problem, the file's own first. */
  List<String> problems() {
    List<String> all = new java.util.ArrayList<>(parseProblems);
    all.addAll(idProblems);
    return all;
  }

  /** A parsed article, with the fingerprint of each paragraph and their distinct set. */
  record Candidate(RawArticle raw, long[] paragraphFingerprints, Set<Long> fingerprints) {
    Candidate {
      fingerprints = Set.copyOf(fingerprints);
    }
  }
}

package org.newsdesk.retrieval.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsdesk.retrieval.ingest.Boilerplate;
import org.newsdesk.retrieval.ingest.ParseOutcome;
import org.newsdesk.retrieval.ingest.RawArticle;

/**
 * Which file owns each article id. Files kept unchanged keep their ids; new and changed files
 * then claim theirs in path order. An article whose id another file (or an earlier line of the
 * same file) holds is left out with a problem naming the holder, so two files never fight over
 * one id from run to run.
 */
final class ArticleIdClaims {
  private final Map<String, String> owner = new HashMap<>();

  /** The ids of an unchanged file stay its own. */
  void keep(FileManifest manifest) {
    manifest.articles().forEach(e -> owner.putIfAbsent(e.id(), manifest.path()));
  }

  /** Claims the ids of a parsed file: the rewrite holds the articles that got theirs. */
  Rewrite claim(FileScan.Parsed scan, boolean recleaned) {
    String path = scan.path();
    ParseOutcome outcome = scan.outcome();
    List<String> problems = new ArrayList<>();
    List<Rewrite.Candidate> candidates = new ArrayList<>();
    Set<String> inThisFile = new HashSet<>();
    for (int a = 0; a < outcome.articles().size(); a++) {
      RawArticle raw = outcome.articles().get(a);
      String holder = owner.putIfAbsent(raw.id(), path);
      if (!inThisFile.add(raw.id())) {
        problems.add("duplicate article id " + raw.id() + " (twice in this file)");
      } else if (holder != null && !holder.equals(path)) {
        problems.add("duplicate article id " + raw.id() + " (already in " + holder + ")");
      } else {
        long[] fingerprints = scan.fingerprints().get(a);
        candidates.add(new Rewrite.Candidate(raw, fingerprints, Boilerplate.distinct(fingerprints)));
      }
    }
    return new Rewrite(path, scan.hash(), candidates, outcome.rejections(), problems, recleaned);
  }
}

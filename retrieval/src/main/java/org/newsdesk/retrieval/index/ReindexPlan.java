package org.newsdesk.retrieval.index;

import java.util.List;
import java.util.Map;
import org.newsdesk.retrieval.index.ReindexReport.FileResult;

/**
 * What a reindex will do, decided before anything is written: {@code results} for every file that
 * needs no writing (rejected, deleted, unchanged), the manifests {@code kept} as they are, the
 * paths whose old passages and manifest go ({@code stale}: deleted, changed, rejected or cleaned
 * again), the files to write again, and the corpus fingerprint counts that their cleaning needs.
 * Every file seen or remembered is in exactly one of {@code results} and {@code rewrites}.
 */
record ReindexPlan(List<FileResult> results, Map<String, FileManifest> kept, List<String> stale,
                   List<Rewrite> rewrites, FingerprintCounts counts) {
  ReindexPlan {
    results = List.copyOf(results);
    kept = Map.copyOf(kept);
    stale = List.copyOf(stale);
    rewrites = List.copyOf(rewrites);
  }
}

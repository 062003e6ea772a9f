package org.newsdesk.retrieval.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.newsdesk.retrieval.index.ReindexReport.Bucket;
import org.newsdesk.retrieval.index.ReindexReport.FileResult;

/**
 * Decides what a reindex does, from the articles folder and the manifests of the last run, with
 * no index at hand: walks the folder, scans every file (unchanged ones are not parsed), claims
 * article ids, counts paragraph fingerprints across the corpus, and picks the unchanged files
 * whose boilerplate status moved (a paragraph of theirs became shared with another article, or
 * stopped being shared) to be cleaned again.
 */
final class ReindexPlanner {
  private final FileScanner scanner;
  private final Parallel parallel;

  ReindexPlanner(FileScanner scanner, Parallel parallel) {
    this.scanner = scanner;
    this.parallel = parallel;
  }

  /**
   * The plan for {@code root}, given the {@code previous} run's manifests by path; files of
   * {@code rewrite} are written again even when unchanged. {@code progress} gets a line now and then.
   */
  ReindexPlan plan(Path root, Map<String, FileManifest> previous, Set<String> rewrite, Consumer<String> progress)
      throws IOException {
    ArticleFileWalk.Walk walk = ArticleFileWalk.walk(root);
    List<FileResult> results = new ArrayList<>(walk.unreadable());
    List<ArticleFileWalk.Found> files = walk.files();
    progress.accept("found " + ReindexReport.count(files.size(), "article file") + ", " + previous.size() + " known");
    ProgressTicks scanned = new ProgressTicks(progress, files.size(), "scanned");
    List<FileScan> scans = parallel.map(files, f -> {
      FileScan s = scanner.scan(root, f, rewrite.contains(f.path()) ? Map.of() : previous);
      scanned.tick();
      return s;
    });

    ArticleIdClaims claims = new ArticleIdClaims();
    Map<String, FileManifest> kept = new LinkedHashMap<>();
    for (FileScan s : scans) {
      if (s instanceof FileScan.Unchanged u) {
        kept.put(u.path(), u.manifest());
        claims.keep(u.manifest());
      }
    }
    List<Rewrite> rewrites = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (FileScan s : scans) {
      seen.add(s.path());
      switch (s) {
        case FileScan.Rejected r -> results.add(new FileResult(r.path(), Bucket.REJECTED, List.of(r.reason())));
        case FileScan.Parsed p -> rewrites.add(claims.claim(p, false));
        case FileScan.Unchanged u -> { }
      }
    }

    // Nothing new, changed or gone: every count is what it was, so no article can need cleaning again.
    boolean corpusChanged = !rewrites.isEmpty() || !kept.keySet().containsAll(previous.keySet());
    FingerprintCounts counts = new FingerprintCounts();
    if (corpusChanged) {
      kept.values().forEach(m -> m.articles().forEach(e -> counts.add(e.fingerprints())));
      rewrites.forEach(r -> r.candidates().forEach(c -> counts.add(c.fingerprints())));
      List<ArticleFileWalk.Found> moved = kept.values().stream()
          .filter(m -> m.articles().stream().anyMatch(e -> !counts.shared(e.fingerprints()).equals(e.shared())))
          .map(m -> new ArticleFileWalk.Found(m.path(), root.resolve(m.path())))
          .sorted(Comparator.comparing(ArticleFileWalk.Found::path))
          .toList();
      moved.forEach(f -> kept.remove(f.path()));
      for (FileScan s : parallel.map(moved, f -> scanner.scan(root, f, Map.of()))) {
        switch (s) {
          case FileScan.Rejected r -> results.add(new FileResult(r.path(), Bucket.REJECTED, List.of(r.reason())));
          case FileScan.Parsed p -> rewrites.add(claims.claim(p, true));
          case FileScan.Unchanged u -> throw new IllegalStateException("scanned without manifests: " + u.path());
        }
      }
    }

    List<String> stale = new ArrayList<>();
    for (String path : previous.keySet()) {
      if (!kept.containsKey(path)) stale.add(path);
      if (!seen.contains(path)) results.add(new FileResult(path, Bucket.DELETED, List.of()));
    }
    for (FileManifest m : kept.values()) {
      results.add(m.anyIndexed()
          ? new FileResult(m.path(), Bucket.UNCHANGED, m.problems())
          : new FileResult(m.path(), Bucket.REJECTED, List.of("empty after cleaning")));
    }
    return new ReindexPlan(results, kept, stale, rewrites, counts);
  }
}

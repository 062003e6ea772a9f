package org.newsdesk.retrieval.index;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.newsdesk.retrieval.index.ReindexReport.Bucket;
import org.newsdesk.retrieval.index.ReindexReport.FileResult;
import org.newsdesk.retrieval.ingest.ArticleParser;

/**
 * The article files under a folder, subfolders included, sorted by their '/'-separated path
 * relative to it. A file or folder the walk cannot read ends as rejected with the reason.
 */
final class ArticleFileWalk {
  private ArticleFileWalk() {}

  /** An article file found by the walk. */
  record Found(String path, Path file) {}

  /** What the walk found, and what it could not read. */
  record Walk(List<Found> files, List<FileResult> unreadable) {
    Walk {
      files = List.copyOf(files);
      unreadable = List.copyOf(unreadable);
    }
  }

  static Walk walk(Path root) throws IOException {
    List<Found> files = new ArrayList<>();
    List<FileResult> unreadable = new ArrayList<>();
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (attrs.isRegularFile() && ArticleParser.isArticleFile(file)) files.add(new Found(relative(root, file), file));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        unreadable.add(new FileResult(relative(root, file), Bucket.REJECTED, List.of("unreadable: " + e.getMessage())));
        return FileVisitResult.CONTINUE;
      }
    });
    files.sort(Comparator.comparing(Found::path));
    return new Walk(files, unreadable);
  }

  private static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }
}

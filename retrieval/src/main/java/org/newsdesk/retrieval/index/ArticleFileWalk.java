package org.newsdesk.retrieval.index;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import org.newsdesk.retrieval.index.ReindexReport.Bucket;
import org.newsdesk.retrieval.index.ReindexReport.FileResult;
import org.newsdesk.retrieval.ingest.ArticleFile;
import org.newsdesk.retrieval.ingest.ArticleParser;

/**
 * The article files under a folder, subfolders and symbolic links followed, sorted by their
 * '/'-separated path relative to it. Every entry that is not an article file to read and not
 * ignored on purpose (hidden, or a regular file of another type) ends as rejected with its reason:
 * a folder or file that cannot be read, a named pipe or other special file (reading one could
 * wait forever), a link to nothing, a link loop.
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
    Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (hidden(file)) return FileVisitResult.CONTINUE;
        if (attrs.isRegularFile()) {
          if (ArticleParser.isArticleFile(file)) files.add(new Found(relative(root, file), file));
        } else if (attrs.isSymbolicLink()) { // followed links only show as links when they lead nowhere
          unreadable.add(rejected(root, file, danglingLink(file)));
        } else if (attrs.isOther()) {
          unreadable.add(rejected(root, file, "not a regular file (" + special(file) + ")"));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        if (!hidden(file)) unreadable.add(rejected(root, file, ArticleFile.unreadable(e)));
        return FileVisitResult.CONTINUE;
      }
    });
    files.sort(Comparator.comparing(Found::path));
    return new Walk(files, unreadable);
  }

  private static FileResult rejected(Path root, Path file, String reason) {
    return new FileResult(relative(root, file), Bucket.REJECTED, List.of(reason));
  }

  private static boolean hidden(Path file) {
    Path name = file.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  private static String danglingLink(Path link) {
    try {
      return "a link to " + Files.readSymbolicLink(link).toString().replace('\\', '/') + ", which does not exist";
    } catch (IOException e) {
      return "a link to nothing";
    }
  }

  /** What kind of special file this is, from its Unix mode where the platform has one. */
  private static String special(Path file) {
    try {
      int type = (Integer) Files.getAttribute(file, "unix:mode") & 0170000;
      return switch (type) {
        case 0010000 -> "a named pipe";
        case 0140000 -> "a socket";
        case 0020000, 0060000 -> "a device";
        default -> "a special file";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "a special file";
    }
  }

  private static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }
}

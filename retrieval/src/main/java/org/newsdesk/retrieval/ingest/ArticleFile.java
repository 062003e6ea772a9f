package org.newsdesk.retrieval.ingest;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;

/**
 * One article file as {@link ArticleParser#read} found it: its bytes, or the reason they were not
 * read (over {@code newsdesk.ingest.max-file-bytes}, gone, unreadable), worded for a maintainer.
 * {@code path} is the file relative to the articles folder, '/'-separated.
 */
public sealed interface ArticleFile {
  String path();

  /** The whole content, within the size limit. */
  record Read(String path, byte[] bytes) implements ArticleFile {}

  /** Not read; {@code reason} says why. */
  record Unreadable(String path, String reason) implements ArticleFile {}

  /**
   * Why a file or folder could not be read, for the report: "unreadable: permission denied", never
   * an exception's class or the absolute path it carries.
   */
  static String unreadable(IOException e) {
    return switch (e) {
      case AccessDeniedException a -> "unreadable: permission denied";
      case NoSuchFileException n -> "unreadable: no such file";
      case FileSystemLoopException l -> "a link back to a folder it is in (a loop)";
      case FileSystemException f when f.getReason() != null -> "unreadable: " + f.getReason();
      default -> "unreadable: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    };
  }
}

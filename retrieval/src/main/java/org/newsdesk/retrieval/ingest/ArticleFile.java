package org.newsdesk.retrieval.ingest;

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
}

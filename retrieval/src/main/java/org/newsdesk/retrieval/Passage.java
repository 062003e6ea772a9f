package org.newsdesk.retrieval;

import java.net.URI;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A passage as stored: enough to cite it without reopening the article. {@code start} and
 * {@code end} are character offsets of {@code text} in the article's cleaned text, so
 * {@code cleanedText.substring(start, end).equals(text)}.
 */
public record Passage(String articleId, int ordinal, String title, String text, Optional<URI> url,
                      Optional<LocalDate> published, Optional<String> source, int start, int end) {
  public Passage {
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(source, "source");
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("passage text is blank: " + articleId + "#" + ordinal);
    }
    if (ordinal < 0) throw new IllegalArgumentException("ordinal must be >= 0, got " + ordinal + ": " + articleId);
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad offsets " + start + ".." + end + ": " + articleId + "#" + ordinal);
    }
  }

  /** {@code articleId#ordinal}: unique in an index. */
  public String key() {
    return key(articleId, ordinal);
  }

  /** The {@link #key()} of the passage {@code ordinal} of article {@code articleId}. */
  public static String key(String articleId, int ordinal) {
    return articleId + "#" + ordinal;
  }
}

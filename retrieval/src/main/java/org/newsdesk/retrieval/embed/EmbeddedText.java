package org.newsdesk.retrieval.embed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.newsdesk.retrieval.Passage;

/**
 * What of a passage the embedding model reads: its headline, a newline, then its text; and the
 * hex SHA-256 of exactly that, stored with the passage so a vector is reused whenever the same
 * text comes again (an unchanged passage is never embedded twice, whatever else changed).
 */
public final class EmbeddedText {
  private EmbeddedText() {}

  /** The text given to the embedding model for {@code passage}. */
  public static String of(Passage passage) {
    return passage.title() + "\n" + passage.text();
  }

  /** The hex SHA-256 of {@link #of}{@code (passage)}. */
  public static String hash(Passage passage) {
    return hash(of(passage));
  }

  /** The hex SHA-256 of {@code text} in UTF-8. */
  public static String hash(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}

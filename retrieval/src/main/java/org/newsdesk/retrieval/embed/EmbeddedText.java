package org.newsdesk.retrieval.embed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.ingest.Text;

/**
 * What of a passage the embedding model reads: its headline, a newline, then the first
 * {@value #WORDS} words of its text; and the hex SHA-256 of exactly that, stored with the passage
 * so a vector is reused whenever the same text comes again (an unchanged passage is never embedded
 * twice, whatever else changed).
 *
 * <p>Why the opening only: a news passage (250-500 words) says what it is about first, and the
 * model's cost grows with every token it reads (it stops at 512 anyway). On rtqa-2024, meaning
 * alone over headline + 150 words put the answer in the top 10 for 58% of the questions, and fused
 * with words it adds what the words miss (docs/BENCHMARKS.md).
 */
public final class EmbeddedText {
  /** Words of a passage's text the model reads after its headline. */
  public static final int WORDS = 150;

  private EmbeddedText() {}

  /** The text given to the embedding model for {@code passage}. */
  public static String of(Passage passage) {
    return passage.title() + "\n" + Text.opening(passage.text(), WORDS);
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

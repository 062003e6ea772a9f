package org.newsdesk.retrieval.embed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.ingest.Text;

/**
 * What of a passage the embedding model reads: its parts, each its headline, a newline, then
 * {@value #WORDS} words of its text: the first part the opening words, the second the next
 * {@value #WORDS} (when the passage runs more than {@value #MIN_PART_WORDS} words past the opening),
 * the third the {@value #WORDS} after those (likewise). Each part gets its own vector, and the hex
 * SHA-256 of each part's text is stored with the passage, so a vector is reused whenever the same
 * text comes again (an unchanged passage is never embedded twice, whatever else changed).
 *
 * <p>Why parts: the model's cost grows with every token it reads (it stops at 512 anyway), and its
 * one vector of a long text is mostly its opening. A news passage (250-500 words) says what it is
 * about first, and on rtqa-2024 meaning alone over headline + 150 words put the answer in the top 10
 * for 58% of the questions; a fact told further down is found by the later parts' vectors, each
 * ranked on its own and fused beside the opening's (docs/BENCHMARKS.md).
 */
public final class EmbeddedText {
  /** Words of a passage's text in one part. */
  public static final int WORDS = 150;
  /** Parts a passage has at most: the most vectors it gets. */
  public static final int PARTS = 3;
  /** A part after the first is made only when the passage has more than this many words past the part's start. */
  public static final int MIN_PART_WORDS = 20;

  /** What {@link #parts} embeds, in words: an index records it, and one embedded otherwise is rebuilt. */
  public static final String LAYOUT = layout();

  private static String layout() {
    StringBuilder s = new StringBuilder("the headline with words 1-").append(WORDS);
    for (int part = 1; part < PARTS; part++) {
      s.append(part + 1 == PARTS ? " and " : ", ").append(part * WORDS + 1).append('-').append((part + 1) * WORDS);
    }
    return s.toString();
  }

  private EmbeddedText() {}

  /** The text given to the embedding model for the opening of {@code passage}: its first part. */
  public static String of(Passage passage) {
    return passage.title() + "\n" + Text.opening(passage.text(), WORDS);
  }

  /**
   * The texts given to the embedding model for {@code passage}, one for each of its parts, the
   * opening ({@link #of}) first: from one to {@link #PARTS}.
   */
  public static List<String> parts(Passage passage) {
    List<String> parts = new ArrayList<>(PARTS);
    parts.add(of(passage));
    for (int part = 1; part < PARTS; part++) {
      String words = Text.words(passage.text(), part * WORDS, (part + 1) * WORDS);
      if (Text.words(words, MIN_PART_WORDS, MIN_PART_WORDS + 1).isEmpty()) break;
      parts.add(passage.title() + "\n" + words);
    }
    return parts;
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

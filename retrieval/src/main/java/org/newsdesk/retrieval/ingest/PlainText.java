package org.newsdesk.retrieval.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Paragraphs and headlines of plain text. Blank lines separate blocks; inside a block every line
 * is its own paragraph (copied web pages put one paragraph on a line), unless the block is
 * hard-wrapped prose, whose lines are joined.
 */
final class PlainText {
  private PlainText() {}

  /** Headlines longer than this are sentences (some outlets' headlines run to 25 words and more). */
  static final int HEADLINE_MAX_WORDS = 30;
  /** A line longer than this that ends in a question or exclamation mark is a sentence, not a headline. */
  static final int QUESTION_HEADLINE_MAX_WORDS = 12;
  /** A derived headline keeps at most this many words. */
  static final int DERIVED_MAX_WORDS = 18;

  /** The lines of {@code text}, blank lines as empty strings. */
  static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    int n = text.length();
    int start = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        out.add(text.substring(start, i).strip());
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
        start = i + 1;
      }
    }
    if (start < n) out.add(text.substring(start).strip());
    return out;
  }

  /** Paragraphs of the given lines, as described on the class. */
  static List<String> paragraphs(List<String> lines) {
    List<String> out = new ArrayList<>();
    List<String> block = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank() || Text.collapseSpace(line).isEmpty()) {
        flush(block, out);
      } else {
        block.add(line);
      }
    }
    flush(block, out);
    return out;
  }

  static List<String> paragraphs(String text) {
    return paragraphs(lines(text));
  }

  private static void flush(List<String> block, List<String> out) {
    if (block.isEmpty()) return;
    if (isHardWrapped(block)) {
      out.add(Text.collapseSpace(String.join(" ", block)));
    } else {
      for (String line : block) out.add(Text.collapseSpace(line));
    }
    block.clear();
  }

  /**
   * Prose wrapped at a fixed width: several lines of similar length (40 to 100 characters),
   * most of which stop mid-sentence.
   */
  static boolean isHardWrapped(List<String> block) {
    if (block.size() < 2) return false;
    int midSentence = 0;
    for (int i = 0; i < block.size() - 1; i++) {
      String line = block.get(i);
      if (line.length() < 40 || line.length() > 100) return false;
      if (!Text.endsSentence(line)) midSentence++;
    }
    return midSentence * 2 >= block.size() - 1;
  }

  /**
   * A headline: a short, title-like line that does not end like a sentence: not in a period (inside
   * closing quotes or brackets too) or a list comma, nor, past {@value #QUESTION_HEADLINE_MAX_WORDS}
   * words, in a question or exclamation mark ("Is the bridge worth it?" is a headline; a long
   * question is the article's first sentence).
   */
  static boolean looksLikeHeadline(String line) {
    String s = Text.collapseSpace(line);
    if (s.isEmpty() || s.length() > 250) return false;
    int words = Text.wordCount(s);
    if (words > HEADLINE_MAX_WORDS) return false;
    char last = s.charAt(s.length() - 1);
    if (last == ',' || last == ';' || last == ':') return false;
    if (Text.endsSentence(s)) {
      String core = s.replaceAll("[\\s\"'\u201D\u2019)\\]]+$", "");
      boolean question = core.endsWith("?") || core.endsWith("!");
      if (!question || words > QUESTION_HEADLINE_MAX_WORDS) return false;
    }
    char first = s.charAt(0);
    if (Character.isLowerCase(first)) return false;
    return Text.hasLetterOrDigit(s);
  }

  /**
   * A headline made from the first sentence of the text: its closing punctuation and a trailing
   * attribution (", the Kremlin said Monday") removed, then shortened to {@value #DERIVED_MAX_WORDS} words.
   */
  static String deriveHeadline(String firstParagraph) {
    String p = Text.collapseSpace(firstParagraph);
    List<Span> sentences = Sentences.split(p);
    String s = sentences.isEmpty() ? p : sentences.get(0).of(p);
    s = stripEndPunctuation(s);
    int comma = s.lastIndexOf(", ");
    if (comma > 0) {
      String tail = s.substring(comma + 2);
      String head = s.substring(0, comma);
      if (Text.wordCount(head) >= 5 && Text.wordCount(tail) <= 6 && isAttribution(tail)) s = head;
    }
    return shortenWords(s, DERIVED_MAX_WORDS);
  }

  private static boolean isAttribution(String tail) {
    String k = " " + Text.key(tail) + " ";
    return k.contains(" said ") || k.contains(" says ") || k.contains(" told ") || k.contains(" reported ")
        || k.contains(" according to ") || k.contains(" announced ");
  }

  private static String stripEndPunctuation(String s) {
    int e = s.length();
    while (e > 0) {
      char c = s.charAt(e - 1);
      if (c == '.' || c == '!' || c == ',' || c == ';' || c == ':' || Text.isSpace(c)) {
        e--;
      } else {
        break;
      }
    }
    return s.substring(0, e);
  }

  /** The first {@code max} words, with an ellipsis when something was cut. */
  static String shortenWords(String s, int max) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < s.length(); i++) {
      boolean space = Text.isSpace(s.charAt(i));
      if (!space && !inWord) {
        if (++words > max) return stripEndPunctuation(s.substring(0, i)) + "\u2026";
      }
      inWord = !space;
    }
    return s;
  }
}

package org.newsdesk.retrieval.ingest;

import java.util.Locale;
import java.util.Set;

/** Small character-level helpers shared by the ingest steps; plain loops, no regular expressions. */
final class Text {
  private Text() {}

  /** Words too small to count when judging whether a line is written in Title Case. */
  private static final Set<String> SMALL_WORDS = Set.of("a", "an", "the", "of", "in", "on", "to", "for", "and",
      "or", "but", "with", "at", "by", "from", "as", "vs", "via", "into", "over", "is", "are", "be");

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B' || c == '\u00A0'
        || c == '\u2007' || c == '\u202F' || c == '\u2028' || c == '\u2029' || c == '\u3000'
        || (c >= '\u2000' && c <= '\u200A') || c == '\u200B' || c == '\uFEFF';
  }

  /** Runs of whitespace (including no-break and zero-width spaces) become one space; ends trimmed. */
  static String collapseSpace(String s) {
    int n = s.length();
    StringBuilder b = null;
    boolean pendingSpace = false;
    int written = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (isSpace(c) || Character.isISOControl(c)) {
        pendingSpace = true;
        if (b == null) b = new StringBuilder(n).append(s, 0, i);
        continue;
      }
      if (b != null) {
        if (pendingSpace && written > 0) b.append(' ');
        b.append(c);
      }
      pendingSpace = false;
      written++;
    }
    if (b == null) return s;
    return b.toString();
  }

  /** Number of whitespace-separated words. */
  static int wordCount(CharSequence s) {
    return wordCount(s, 0, s.length());
  }

  static int wordCount(CharSequence s, int from, int to) {
    int words = 0;
    boolean inWord = false;
    for (int i = from; i < to; i++) {
      boolean space = isSpace(s.charAt(i));
      if (!space && !inWord) words++;
      inWord = !space;
    }
    return words;
  }

  static boolean hasLetterOrDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetterOrDigit(s.charAt(i))) return true;
    }
    return false;
  }

  static boolean isClosingMark(char c) {
    return c == '"' || c == '\'' || c == '\u201D' || c == '\u2019' || c == '\u00BB' || c == ')' || c == ']'
        || c == '\u201C' || c == '*' || c == '_';
  }

  /** Whether the text ends like a sentence: . ! ? or an ellipsis, possibly followed by closing quotes. */
  static boolean endsSentence(String s) {
    int i = s.length() - 1;
    while (i >= 0 && (isSpace(s.charAt(i)) || isClosingMark(s.charAt(i)))) i--;
    if (i < 0) return false;
    char c = s.charAt(i);
    return c == '.' || c == '!' || c == '?' || c == '\u2026';
  }

  /** Whether most significant words start with a capital letter, as in "Obama Urges Putin to Act". */
  static boolean isTitleCase(String s) {
    int significant = 0;
    int capitalised = 0;
    int i = 0;
    int n = s.length();
    while (i < n) {
      while (i < n && !Character.isLetterOrDigit(s.charAt(i))) i++;
      int start = i;
      while (i < n && !isSpace(s.charAt(i)) && s.charAt(i) != ',' && s.charAt(i) != ':') i++;
      if (start >= n) break;
      String word = s.substring(start, i);
      if (SMALL_WORDS.contains(word.toLowerCase(Locale.ROOT))) continue;
      char first = word.charAt(0);
      if (!Character.isLetter(first)) continue;
      significant++;
      if (Character.isUpperCase(first)) capitalised++;
    }
    return significant >= 2 && capitalised * 4 >= significant * 3;
  }

  /**
   * A comparison key: lower case, typographic quotes and dashes folded to ASCII, every run of
   * whitespace or punctuation other than apostrophes collapsed to one space.
   */
  static String key(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        if (space && b.length() > 0) b.append(' ');
        space = false;
        b.append(Character.toLowerCase(c));
      } else if (c == '\'' || c == '\u2019' || c == '\u2018') {
        if (space && b.length() > 0) b.append(' ');
        space = false;
        b.append('\'');
      } else {
        space = true;
      }
    }
    return b.toString();
  }
}

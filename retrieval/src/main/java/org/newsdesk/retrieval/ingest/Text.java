package org.newsdesk.retrieval.ingest;

import java.util.Locale;
import java.util.Set;

/**
 * Small character-level helpers shared by the ingest steps; plain loops, no regular expressions.
 * {@link #opening} is public: what a passage's words are is said here, wherever a passage is cut.
 */
public final class Text {
  private Text() {}

  /** Words too small to count when judging whether a line is written in Title Case. */
  private static final Set<String> SMALL_WORDS = Set.of("a", "an", "the", "of", "in", "on", "to", "for", "and",
      "or", "but", "with", "at", "by", "from", "as", "vs", "via", "into", "over", "is", "are", "be");

  static boolean isSpace(char c) {
    if (c <= ' ') return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B';
    if (c < '\u00A0') return false;
    return c == '\u00A0' || (c >= '\u2000' && c <= '\u200B') || c == '\u202F' || c == '\u2028' || c == '\u2029'
        || c == '\u3000' || c == '\uFEFF';
  }

  private static boolean isSpaceOrControl(char c) {
    return isSpace(c) || c < ' ' || (c >= '\u007F' && c < '\u00A0');
  }

  /** Runs of whitespace (including no-break and zero-width spaces) become one space; ends trimmed. */
  static String collapseSpace(String s) {
    int n = s.length();
    if (isCollapsed(s, n)) return s;
    char[] out = new char[n];
    int w = 0;
    boolean pendingSpace = false;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (isSpaceOrControl(c)) {
        pendingSpace = true;
        continue;
      }
      if (pendingSpace && w > 0) out[w++] = ' ';
      pendingSpace = false;
      out[w++] = c;
    }
    return new String(out, 0, w);
  }

  /** No leading or trailing space, and every space a single plain one. */
  private static boolean isCollapsed(String s, int n) {
    boolean previousSpace = true;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        if (previousSpace) return false;
        previousSpace = true;
      } else if (isSpaceOrControl(c)) {
        return false;
      } else {
        previousSpace = false;
      }
    }
    return n == 0 || !previousSpace;
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

  /**
   * {@code text} up to the end of its {@code words}-th whitespace-separated word, or all of it when
   * it has no more words than that; the characters are {@code text}'s own.
   */
  public static String opening(String text, int words) {
    int seen = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = isSpace(text.charAt(i));
      if (!space && !inWord) seen++;
      if (space && inWord && seen == words) return text.substring(0, i);
      inWord = !space;
    }
    return text;
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
    int n = s.length();
    char[] out = new char[n];
    int w = 0;
    boolean space = false;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      char k = keyChar(c);
      if (k == 0) {
        space = true;
        continue;
      }
      if (space && w > 0) out[w++] = ' ';
      space = false;
      out[w++] = k;
    }
    return new String(out, 0, w);
  }

  /** The key character for {@code c}, or 0 when {@code c} separates words. */
  private static char keyChar(char c) {
    if (c < 0x80) {
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') return c;
      if (c >= 'A' && c <= 'Z') return (char) (c + 32);
      return c == '\'' ? '\'' : 0;
    }
    if (c == '\u2019' || c == '\u2018') return '\'';
    return Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : 0;
  }

  /**
   * A 64-bit hash of {@link #key(String)} computed without building the key: a MurmurHash3-style
   * mix over 4 key characters at a time, two lanes folded into one at the end. At 64 bits two
   * paragraphs collide by chance about once in 4 billion pairs' worth of a corpus
   * (birthday bound 2^32 paragraphs), far beyond an archive's size.
   */
  static long keyHash(String s) {
    long h1 = 0x9E3779B97F4A7C15L;
    long h2 = 0xC2B2AE3D27D4EB4FL;
    long word = 0;
    int filled = 0;
    int length = 0;
    boolean space = false;
    for (int i = 0, n = s.length(); i < n; i++) {
      char k = keyChar(s.charAt(i));
      if (k == 0) {
        space = true;
        continue;
      }
      if (space && length > 0) {
        word = (word << 16) | ' ';
        length++;
        if (++filled == 4) {
          h1 = Long.rotateLeft(h1 ^ (word * 0x87C37B91114253D5L), 31) * 0x4CF5AD432745937FL;
          h2 = Long.rotateLeft(h2 ^ (word * 0x4CF5AD432745937FL), 27) * 0x87C37B91114253D5L + h1;
          word = 0;
          filled = 0;
        }
      }
      space = false;
      word = (word << 16) | k;
      length++;
      if (++filled == 4) {
        h1 = Long.rotateLeft(h1 ^ (word * 0x87C37B91114253D5L), 31) * 0x4CF5AD432745937FL;
        h2 = Long.rotateLeft(h2 ^ (word * 0x4CF5AD432745937FL), 27) * 0x87C37B91114253D5L + h1;
        word = 0;
        filled = 0;
      }
    }
    h1 ^= word * 0x87C37B91114253D5L ^ length;
    h2 ^= Long.rotateLeft(word, 17) * 0x4CF5AD432745937FL ^ ((long) length << 32);
    h1 += h2;
    h2 += h1;
    return mix(h1) + mix(h2);
  }

  private static long mix(long k) {
    k ^= k >>> 33;
    k *= 0xFF51AFD7ED558CCDL;
    k ^= k >>> 33;
    k *= 0xC4CEB9FE1A85EC53L;
    k ^= k >>> 33;
    return k;
  }
}

package org.newsdesk.bot.review;

/**
 * A citation's passage split around its quote, so the page can highlight the quote while the
 * template escapes all three parts. The stored offsets are tried first; when they do not point
 * at the quote inside the passage (they may be relative to the article), the quote is searched
 * for, first exactly, then ignoring differences in whitespace.
 */
public record QuoteHighlight(String before, String quote, String after, boolean found) {

  public static QuoteHighlight of(String passage, String quote, int start, int end) {
    if (quote.isEmpty()) return new QuoteHighlight(passage, "", "", false);
    if (start >= 0 && end <= passage.length() && start < end && passage.substring(start, end).equals(quote)) {
      return split(passage, start, end);
    }
    int at = passage.indexOf(quote);
    if (at >= 0) return split(passage, at, at + quote.length());
    int[] loose = looseFind(passage, quote);
    if (loose != null) return split(passage, loose[0], loose[1]);
    return new QuoteHighlight(passage, "", "", false);
  }

  private static QuoteHighlight split(String passage, int start, int end) {
    return new QuoteHighlight(passage.substring(0, start), passage.substring(start, end), passage.substring(end), true);
  }

  /** Finds the quote where any run of whitespace matches any other run; returns [start, end) or null. */
  private static int[] looseFind(String passage, String quote) {
    String[] words = quote.strip().split("\\s+");
    if (words.length == 0 || words[0].isEmpty()) return null;
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < words.length; i++) {
      if (i > 0) regex.append("\\s+");
      regex.append(java.util.regex.Pattern.quote(words[i]));
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex.toString()).matcher(passage);
    return m.find() ? new int[] {m.start(), m.end()} : null;
  }
}

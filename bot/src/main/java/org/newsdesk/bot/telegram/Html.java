package org.newsdesk.bot.telegram;

/** Escaping for Telegram's HTML parse mode: the only entities Telegram knows are these four. */
public final class Html {
  private Html() {}

  /** Text between tags: {@code &}, {@code <}, {@code >}. */
  public static String text(String raw) {
    StringBuilder out = new StringBuilder(raw.length() + 16);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A double-quoted attribute value: the text escapes plus {@code "}. */
  public static String attribute(String raw) {
    return text(raw).replace("\"", "&quot;");
  }

  /** How long {@link #text} of this character is. */
  static int escapedLength(char c) {
    return switch (c) {
      case '&' -> 5;
      case '<', '>' -> 4;
      default -> 1;
    };
  }
}

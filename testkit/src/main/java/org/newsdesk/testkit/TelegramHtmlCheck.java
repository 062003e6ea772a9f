package org.newsdesk.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;

/**
 * Parses text the way Telegram's HTML parse mode does, for the Bot API stand-in: only the tags
 * Telegram supports, balanced, and no bare {@code <} or {@code &}. {@link #visibleText} is what a
 * reader would see, which is what Telegram's 4,096-character limit counts.
 */
public final class TelegramHtmlCheck {
  private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
      "a", "code", "pre", "blockquote", "span", "tg-spoiler", "tg-emoji");

  private TelegramHtmlCheck() {}

  /** A parse failure, worded like Telegram's description after "Bad Request: can't parse entities: ". */
  public static final class ParseError extends Exception {
    ParseError(String message) {
      super(message, null, false, false);
    }
  }

  /** The visible text, or a failure in Telegram's words. */
  public static String visibleText(String html) throws ParseError {
    StringBuilder visible = new StringBuilder();
    Deque<String> open = new ArrayDeque<>();
    int i = 0;
    while (i < html.length()) {
      char c = html.charAt(i);
      if (c == '<') {
        int end = html.indexOf('>', i);
        if (end < 0) throw new ParseError("Unclosed start tag at byte offset " + offset(html, i));
        String tag = html.substring(i + 1, end);
        if (tag.startsWith("/")) {
          String name = tag.substring(1).strip().toLowerCase(Locale.ROOT);
          if (open.isEmpty() || !open.peek().equals(name)) {
            throw new ParseError("Unexpected end tag at byte offset " + offset(html, i));
          }
          open.pop();
        } else {
          String name = tag.split("[\\s/]", 2)[0].toLowerCase(Locale.ROOT);
          if (!TAGS.contains(name)) {
            throw new ParseError("Unsupported start tag \"" + name + "\" at byte offset " + offset(html, i));
          }
          checkAttributes(html, i, tag.substring(name.length()));
          open.push(name);
        }
        i = end + 1;
      } else if (c == '&') {
        int end = html.indexOf(';', i);
        String entity = end < 0 ? "" : html.substring(i + 1, end);
        String decoded = decode(entity);
        if (decoded == null) throw new ParseError("Unsupported entity at byte offset " + offset(html, i));
        visible.append(decoded);
        i = end + 1;
      } else {
        visible.append(c);
        i++;
      }
    }
    if (!open.isEmpty()) {
      throw new ParseError("Can't find end tag corresponding to start tag \"" + open.peek() + "\"");
    }
    return visible.toString();
  }

  private static void checkAttributes(String html, int at, String attributes) throws ParseError {
    String rest = attributes.strip();
    while (!rest.isEmpty()) {
      int eq = rest.indexOf('=');
      if (eq < 0) return; // a bare attribute such as "expandable"
      rest = rest.substring(eq + 1).strip();
      if (rest.startsWith("\"")) {
        int close = rest.indexOf('"', 1);
        if (close < 0) throw new ParseError("Unclosed attribute value at byte offset " + offset(html, at));
        String value = rest.substring(1, close);
        if (value.contains("<")) throw new ParseError("Unexpected character '<' in attribute at byte offset " + offset(html, at));
        for (int amp = value.indexOf('&'); amp >= 0; amp = value.indexOf('&', amp + 1)) {
          int semi = value.indexOf(';', amp);
          if (semi < 0 || decode(value.substring(amp + 1, semi)) == null) {
            throw new ParseError("Unsupported entity in attribute at byte offset " + offset(html, at));
          }
        }
        rest = rest.substring(close + 1).strip();
      } else {
        return;
      }
    }
  }

  private static String decode(String entity) {
    switch (entity) {
      case "lt": return "<";
      case "gt": return ">";
      case "amp": return "&";
      case "quot": return "\"";
      default:
        try {
          if (entity.startsWith("#x")) return Character.toString(Integer.parseInt(entity.substring(2), 16));
          if (entity.startsWith("#")) return Character.toString(Integer.parseInt(entity.substring(1)));
        } catch (IllegalArgumentException e) {
          return null;
        }
        return null;
    }
  }

  private static int offset(String html, int charIndex) {
    return html.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
  }
}

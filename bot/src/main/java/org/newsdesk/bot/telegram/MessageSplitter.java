package org.newsdesk.bot.telegram;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs blocks into messages that each stay within a length limit (Telegram's is 4,096), counting
 * the HTML as sent, so the visible text is shorter still. Splits between blocks first; a block
 * too long on its own is split between its spans, and a span too long on its own at a paragraph,
 * sentence or word boundary, with its tags closed and re-opened around each part.
 */
public final class MessageSplitter {
  static final int TELEGRAM_LIMIT = 4096;
  static final String SEPARATOR = "\n\n";

  private final int limit;

  public MessageSplitter(int limit) {
    if (limit < 64) throw new IllegalArgumentException("limit must be >= 64, got " + limit);
    this.limit = limit;
  }

  public MessageSplitter() {
    this(TELEGRAM_LIMIT);
  }

  /** One message: its blocks, joined by blank lines. */
  public record Part(List<Block> blocks) {
    public Part {
      blocks = List.copyOf(blocks);
    }

    public String html() {
      return String.join(SEPARATOR, blocks.stream().map(Block::html).toList());
    }

    /** The same text without markup, for a reader whose HTML message was rejected. */
    public String plain() {
      return String.join(SEPARATOR, blocks.stream().map(Block::plain).toList());
    }
  }

  public List<Part> split(List<Block> blocks) {
    List<Block> fitting = new ArrayList<>();
    for (Block b : blocks) {
      if (b.html().length() <= limit) fitting.add(b);
      else fitting.addAll(splitBlock(b));
    }
    List<Part> parts = new ArrayList<>();
    List<Block> current = new ArrayList<>();
    int length = 0;
    for (Block b : fitting) {
      int add = b.html().length() + (current.isEmpty() ? 0 : SEPARATOR.length());
      if (!current.isEmpty() && length + add > limit) {
        parts.add(new Part(current));
        current = new ArrayList<>();
        add = b.html().length();
        length = 0;
      }
      current.add(b);
      length += add;
    }
    if (!current.isEmpty()) parts.add(new Part(current));
    return parts;
  }

  private List<Block> splitBlock(Block block) {
    List<Block.Span> pieces = new ArrayList<>();
    for (Block.Span s : block.spans()) {
      if (s.html().length() <= limit) pieces.add(s);
      else splitSpan(s).forEach(pieces::add);
    }
    List<Block> out = new ArrayList<>();
    List<Block.Span> current = new ArrayList<>();
    int length = 0;
    for (Block.Span s : pieces) {
      int add = s.html().length();
      if (!current.isEmpty() && length + add > limit) {
        out.add(new Block(current));
        current = new ArrayList<>();
        length = 0;
      }
      current.add(s);
      length += add;
    }
    if (!current.isEmpty()) out.add(new Block(current));
    return out;
  }

  private List<Block.Span> splitSpan(Block.Span span) {
    int budget = limit - span.open().length() - span.close().length();
    if (budget < 16) throw new IllegalArgumentException("tags leave no room for text: " + span.open());
    List<Block.Span> out = new ArrayList<>();
    String rest = span.text();
    while (!rest.isEmpty()) {
      int fits = rawCharsFitting(rest, budget);
      int cut = fits == rest.length() ? fits : boundary(rest, fits);
      out.add(span.withText(rest.substring(0, cut)));
      rest = rest.substring(cut);
    }
    return out;
  }

  /** How many raw characters of {@code text}, escaped, fit in {@code budget}. */
  private static int rawCharsFitting(String text, int budget) {
    int used = 0;
    for (int i = 0; i < text.length(); i++) {
      used += Html.escapedLength(text.charAt(i));
      if (used > budget) return i;
    }
    return text.length();
  }

  /** The best cut at or before {@code max}: after a paragraph, a sentence, a space; else a code point edge. */
  static int boundary(String text, int max) {
    int floor = max / 2;
    int paragraph = text.lastIndexOf("\n\n", max - 2);
    if (paragraph >= floor) return paragraph + 2;
    for (int i = max - 1; i >= floor; i--) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) && i > 0 && ".!?…".indexOf(text.charAt(i - 1)) >= 0) return i + 1;
    }
    for (int i = max - 1; i >= floor; i--) {
      if (Character.isWhitespace(text.charAt(i))) return i + 1;
    }
    return Character.isLowSurrogate(text.charAt(max)) && max > 1 ? max - 1 : max;
  }
}

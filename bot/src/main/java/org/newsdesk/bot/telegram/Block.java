package org.newsdesk.bot.telegram;

import java.util.List;

/**
 * A paragraph of a reply: spans of raw text, each inside at most one pair of tags. Messages are
 * split between blocks, or between spans, or inside a span's text with its tags re-opened, so a
 * split never lands inside a tag or an entity.
 */
public record Block(List<Span> spans) {
  public Block {
    spans = List.copyOf(spans);
    if (spans.isEmpty()) throw new IllegalArgumentException("a block needs at least one span");
  }

  public static Block of(Span... spans) {
    return new Block(List.of(spans));
  }

  public static Block plain(String text) {
    return of(Span.plain(text));
  }

  public String html() {
    StringBuilder b = new StringBuilder();
    spans.forEach(s -> b.append(s.html()));
    return b.toString();
  }

  public String plain() {
    StringBuilder b = new StringBuilder();
    spans.forEach(s -> b.append(s.text()));
    return b.toString();
  }

  /**
   * Raw text inside tags. {@code open} is a complete start tag (or several) whose attribute
   * values are already escaped; {@code close} closes them in reverse order.
   */
  public record Span(String open, String text, String close) {
    public Span {
      if (text == null || text.isEmpty()) throw new IllegalArgumentException("span text is empty inside " + open);
    }

    public static Span plain(String text) {
      return new Span("", text, "");
    }

    public static Span bold(String text) {
      return new Span("<b>", text, "</b>");
    }

    public static Span italic(String text) {
      return new Span("<i>", text, "</i>");
    }

    public String html() {
      return open + Html.text(text) + close;
    }

    Span withText(String part) {
      return new Span(open, part, close);
    }
  }
}

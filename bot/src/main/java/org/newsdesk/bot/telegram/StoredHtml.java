package org.newsdesk.bot.telegram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Telegram HTML the bot sent earlier (an answer as the answer log keeps it), back as blocks, so it
 * can be shown again inside another reply with its formatting, escaped afresh and split like any
 * other text. Each text keeps the tags around it; blank lines between untagged text separate blocks.
 */
final class StoredHtml {
  private StoredHtml() {}

  static List<Block> blocks(String html) {
    List<Block.Span> spans = new ArrayList<>();
    collect(Jsoup.parseBodyFragment(html).body(), new ArrayDeque<>(), spans);
    List<Block> blocks = new ArrayList<>();
    List<Block.Span> current = new ArrayList<>();
    for (Block.Span s : spans) {
      if (!s.open().isEmpty()) {
        current.add(s);
        continue;
      }
      String[] paragraphs = s.text().split("\n\n", -1);
      for (int i = 0; i < paragraphs.length; i++) {
        if (i > 0 && !current.isEmpty()) {
          blocks.add(new Block(current));
          current = new ArrayList<>();
        }
        if (!paragraphs[i].isEmpty()) current.add(Block.Span.plain(paragraphs[i]));
      }
    }
    if (!current.isEmpty()) blocks.add(new Block(current));
    return blocks;
  }

  private static void collect(Node node, Deque<Element> open, List<Block.Span> out) {
    for (Node child : node.childNodes()) {
      if (child instanceof TextNode t) {
        String text = t.getWholeText();
        if (text.isEmpty()) continue;
        StringBuilder start = new StringBuilder();
        StringBuilder end = new StringBuilder();
        for (var it = open.descendingIterator(); it.hasNext(); ) start.append(startTag(it.next()));
        for (Element e : open) end.append("</").append(e.tagName()).append('>');
        out.add(new Block.Span(start.toString(), text, end.toString()));
      } else if (child instanceof Element e) {
        if (e.tagName().equals("br")) {
          out.add(Block.Span.plain("\n"));
          continue;
        }
        open.push(e);
        collect(e, open, out);
        open.pop();
      }
    }
  }

  private static String startTag(Element e) {
    StringBuilder b = new StringBuilder("<").append(e.tagName());
    for (Attribute a : e.attributes()) {
      b.append(' ').append(a.getKey());
      if (!a.getValue().isEmpty()) b.append("=\"").append(Html.attribute(a.getValue())).append('"');
    }
    return b.append('>').toString();
  }
}

package org.newsdesk.retrieval.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Markdown articles with YAML front matter ({@code id}, {@code title}, {@code url},
 * {@code published}, {@code source}; other keys are ignored). The front matter is read here with
 * Jackson YAML, which reports a bad line precisely; the body is parsed by commonmark-java into
 * blocks, and each block's text becomes paragraphs: a paragraph, heading, quoted paragraph or list
 * item is one paragraph, its emphasis, links and code spans reduced to their text. Without a title
 * in the front matter, a leading level-1 heading is the headline.
 *
 * <p>Left out: images (alt text included), fenced code, and raw HTML, whether a block
 * ({@code <script>}, {@code <style>}, embeds, widgets, comments) or inline (tags dropped, and the
 * content of an inline {@code <script>} or {@code <style>} too): in an article it is page furniture,
 * never the story. An indented block is kept as text: in article files a four-space indent is left
 * over from conversion far more often than it marks code.
 */
final class MarkdownFormat {
  private MarkdownFormat() {}

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Parser MARKDOWN = Parser.builder().build();

  static RawArticle parse(String text, String path, ArticleAssembler assembler) throws ArticleAssembler.Rejected {
    String[] lines = text.split("\r\n|\r|\n", -1);
    int first = 0;
    while (first < lines.length && lines[first].isBlank()) first++;
    JsonNode front = null;
    int bodyStart = 0;
    if (first < lines.length && lines[first].strip().equals("---")) {
      int close = first + 1;
      while (close < lines.length && !(lines[close].strip().equals("---") || lines[close].strip().equals("..."))) close++;
      if (close >= lines.length) throw new ArticleAssembler.Rejected("bad front matter: no closing '---' line");
      front = readFrontMatter(Arrays.asList(lines).subList(first + 1, close), first + 2);
      bodyStart = close + 1;
    }
    String id = front == null ? path : textField(front, "id").orElse(path);
    String title = front == null ? null : textField(front, "title").orElse(null);
    Optional<URI> url = Optional.empty();
    Optional<LocalDate> published = Optional.empty();
    Optional<String> source = Optional.empty();
    if (front != null) {
      try {
        Optional<String> rawUrl = textField(front, "url");
        if (rawUrl.isPresent()) url = Optional.of(FieldValues.url(rawUrl.get()));
        Optional<String> rawDate = textField(front, "published");
        if (rawDate.isPresent()) published = Optional.of(FieldValues.date(rawDate.get()));
      } catch (FieldValues.BadField e) {
        throw new ArticleAssembler.Rejected("bad front matter: " + e.getMessage());
      }
      source = textField(front, "source");
    }
    List<String> paragraphs = new ArrayList<>();
    String body = String.join("\n", Arrays.asList(lines).subList(Math.min(bodyStart, lines.length), lines.length));
    String heading = body(body, paragraphs);
    if (title == null) title = heading;
    return assembler.assemble(id, title, url, published, source, paragraphs, path);
  }

  private static JsonNode readFrontMatter(List<String> yamlLines, int firstLineNumber)
      throws ArticleAssembler.Rejected {
    String yaml = String.join("\n", yamlLines);
    if (yaml.isBlank()) return YAML.createObjectNode();
    JsonNode node;
    try {
      node = YAML.readTree(yaml);
    } catch (JacksonException e) {
      String why = e.getOriginalMessage();
      int nl = why == null ? -1 : why.indexOf('\n');
      if (nl > 0) why = why.substring(0, nl);
      JsonLocation at = e.getLocation();
      String where = at == null || at.getLineNr() < 1 ? "" : " (line " + (at.getLineNr() + firstLineNumber - 1) + ")";
      throw new ArticleAssembler.Rejected("bad front matter: " + (why == null ? "not YAML" : why.strip()) + where);
    }
    if (node == null || node.isMissingNode() || node.isNull()) return YAML.createObjectNode();
    if (!node.isObject()) {
      throw new ArticleAssembler.Rejected("bad front matter: expected 'key: value' lines, got "
          + node.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    for (String key : List.of("id", "title", "url", "published", "source")) {
      JsonNode v = node.get(key);
      if (v != null && !v.isNull() && !v.isValueNode()) {
        throw new ArticleAssembler.Rejected("bad front matter: '" + key + "' must be a single value");
      }
    }
    return node;
  }

  private static Optional<String> textField(JsonNode node, String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) return Optional.empty();
    String s = v.asText().strip();
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  /** Fills {@code out} with the paragraphs of the Markdown {@code body}; returns a leading level-1 heading, or null. */
  static String body(String body, List<String> out) {
    String heading = null;
    for (Node block = MARKDOWN.parse(body).getFirstChild(); block != null; block = block.getNext()) {
      if (heading == null && out.isEmpty() && block instanceof Heading h && h.getLevel() == 1) {
        heading = Text.collapseSpace(InlineText.of(h));
      } else {
        blocks(block, out);
      }
    }
    return heading;
  }

  /** The paragraphs of one block and of the blocks inside it, in order. */
  private static void blocks(Node block, List<String> out) {
    switch (block) {
      case Paragraph p -> add(InlineText.of(p), out);
      case Heading h -> add(InlineText.of(h), out);
      case IndentedCodeBlock code -> {
        for (String p : code.getLiteral().split("\n\\s*\n")) add(p, out);
      }
      case FencedCodeBlock code -> { }
      case HtmlBlock html -> { }
      case ThematicBreak rule -> { }
      default -> {
        for (Node child = block.getFirstChild(); child != null; child = child.getNext()) blocks(child, out);
      }
    }
  }

  private static void add(String text, List<String> out) {
    String p = Text.collapseSpace(text);
    if (!p.isEmpty()) out.add(p);
  }

  /**
   * The text of a block's inline content: text and code spans as they are, line breaks as spaces,
   * images and HTML tags left out, and everything between an inline {@code <script>} or
   * {@code <style>} tag and its end tag too.
   */
  private static final class InlineText extends AbstractVisitor {
    private final StringBuilder text = new StringBuilder();
    private String skippingUntil;

    static String of(Node block) {
      InlineText v = new InlineText();
      block.accept(v);
      return v.text.toString();
    }

    @Override
    public void visit(org.commonmark.node.Text t) {
      if (skippingUntil == null) text.append(t.getLiteral());
    }

    @Override
    public void visit(Code code) {
      if (skippingUntil == null) text.append(code.getLiteral());
    }

    @Override
    public void visit(SoftLineBreak br) {
      text.append(' ');
    }

    @Override
    public void visit(HardLineBreak br) {
      text.append(' ');
    }

    @Override
    public void visit(Image image) {
      // An image's alt text describes a picture the reader cannot see in a quote.
    }

    @Override
    public void visit(HtmlInline html) {
      String tag = html.getLiteral().toLowerCase(Locale.ROOT);
      if (skippingUntil != null) {
        if (tag.startsWith(skippingUntil)) skippingUntil = null;
      } else if (tag.startsWith("<script") || tag.startsWith("<style")) {
        skippingUntil = tag.startsWith("<script") ? "</script" : "</style";
      }
    }
  }
}

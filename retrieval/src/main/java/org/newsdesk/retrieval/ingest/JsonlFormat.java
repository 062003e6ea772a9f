package org.newsdesk.retrieval.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * JSON Lines: one article per line, {@code {"id", "title", "url", "published", "source", "text"}};
 * only {@code text} is required. A bad line is rejected as "bad JSONL line N: why" while the
 * file's good lines still count. Without an id, an article's id is {@code path#N}.
 */
final class JsonlFormat {
  private JsonlFormat() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  static ParseOutcome parse(String text, String path, ArticleAssembler assembler) {
    List<RawArticle> articles = new ArrayList<>();
    List<String> rejections = new ArrayList<>();
    Map<String, Integer> idLines = new HashMap<>();
    List<String> lines = PlainText.lines(text);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) continue;
      int lineNumber = i + 1;
      try {
        RawArticle a = article(line, lineNumber, path, assembler);
        Integer earlier = idLines.putIfAbsent(a.id(), lineNumber);
        if (earlier != null) {
          throw new ArticleAssembler.Rejected("duplicate id \"" + a.id() + "\" (first on line " + earlier + ")");
        }
        articles.add(a);
      } catch (ArticleAssembler.Rejected e) {
        rejections.add("bad JSONL line " + lineNumber + ": " + e.getMessage());
      }
    }
    if (articles.isEmpty() && rejections.isEmpty()) rejections.add("empty file");
    return new ParseOutcome(path, articles, rejections);
  }

  private static RawArticle article(String line, int lineNumber, String path, ArticleAssembler assembler)
      throws ArticleAssembler.Rejected {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JacksonException e) {
      String why = e.getOriginalMessage();
      int nl = why == null ? -1 : why.indexOf('\n');
      if (nl > 0) why = why.substring(0, nl);
      throw new ArticleAssembler.Rejected("not valid JSON (" + (why == null ? "unreadable" : why.strip()) + ")");
    }
    if (node == null || !node.isObject()) {
      throw new ArticleAssembler.Rejected("expected a JSON object, got "
          + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT)));
    }
    Optional<String> body = field(node, "text");
    if (body.isEmpty()) throw new ArticleAssembler.Rejected("missing \"text\"");
    String id = field(node, "id").orElse(path + "#" + lineNumber);
    Optional<URI> url = Optional.empty();
    Optional<LocalDate> published = Optional.empty();
    try {
      Optional<String> rawUrl = field(node, "url");
      if (rawUrl.isPresent()) url = Optional.of(FieldValues.url(rawUrl.get()));
      Optional<String> rawDate = field(node, "published");
      if (rawDate.isPresent()) published = Optional.of(FieldValues.date(rawDate.get()));
    } catch (FieldValues.BadField e) {
      throw new ArticleAssembler.Rejected(e.getMessage());
    }
    return assembler.assemble(id, field(node, "title").orElse(null), url, published, field(node, "source"),
        PlainText.paragraphs(body.get()), path);
  }

  /** A string (or number) field, stripped; empty when absent, null or blank. */
  private static Optional<String> field(JsonNode node, String key) throws ArticleAssembler.Rejected {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) return Optional.empty();
    if (!v.isTextual() && !v.isNumber()) {
      throw new ArticleAssembler.Rejected("\"" + key + "\" must be a string, got "
          + v.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    String s = v.asText().strip();
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }
}

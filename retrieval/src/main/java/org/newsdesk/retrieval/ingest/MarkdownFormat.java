package org.newsdesk.retrieval.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Markdown articles with YAML front matter ({@code id}, {@code title}, {@code url},
 * {@code published}, {@code source}; other keys are ignored). Without a title in the front
 * matter, a leading {@code # heading} is the headline. Lines of a paragraph are joined as
 * Markdown does; headings and list items are paragraphs of their own; emphasis, links and
 * images are reduced to their text.
 */
final class MarkdownFormat {
  private MarkdownFormat() {}

  private static final YAMLMapper YAML = new YAMLMapper();

  static RawArticle parse(String text, String path, ArticleAssembler assembler) throws ArticleAssembler.Rejected {
    List<String> lines = PlainText.lines(text);
    int bodyStart = 0;
    JsonNode front = null;
    int first = 0;
    while (first < lines.size() && lines.get(first).isEmpty()) first++;
    if (first < lines.size() && lines.get(first).equals("---")) {
      int close = first + 1;
      while (close < lines.size() && !(lines.get(close).equals("---") || lines.get(close).equals("..."))) close++;
      if (close >= lines.size()) throw new ArticleAssembler.Rejected("bad front matter: no closing '---' line");
      front = readFrontMatter(lines.subList(first + 1, close), first + 2);
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
    String heading = body(lines.subList(bodyStart, lines.size()), paragraphs);
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
          + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
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

  /** Fills {@code out} with the body's paragraphs; returns a leading level-1 heading, or null. */
  static String body(List<String> lines, List<String> out) {
    String heading = null;
    StringBuilder para = new StringBuilder();
    boolean inFence = false;
    boolean inComment = false;
    for (String raw : lines) {
      String line = raw.strip();
      if (inComment) {
        if (line.contains("-->")) inComment = false;
        continue;
      }
      if (line.startsWith("```") || line.startsWith("~~~")) {
        flush(para, out);
        inFence = !inFence;
        continue;
      }
      if (inFence) continue;
      if (line.startsWith("<!--")) {
        flush(para, out);
        inComment = !line.contains("-->");
        continue;
      }
      if (line.isEmpty() || isRule(line)) {
        flush(para, out);
        continue;
      }
      int hashes = 0;
      while (hashes < line.length() && line.charAt(hashes) == '#') hashes++;
      if (hashes >= 1 && hashes <= 6 && hashes < line.length() && line.charAt(hashes) == ' ') {
        flush(para, out);
        String h = inline(stripClosingHashes(line.substring(hashes + 1)));
        if (hashes == 1 && heading == null && out.isEmpty()) {
          heading = h;
        } else {
          out.add(h);
        }
        continue;
      }
      while (line.startsWith(">")) line = line.substring(1).strip();
      int item = listMarker(line);
      if (item > 0) {
        flush(para, out);
        line = line.substring(item);
      }
      if (para.length() > 0) para.append(' ');
      para.append(inline(line));
      if (item > 0) flush(para, out);
    }
    flush(para, out);
    return heading;
  }

  private static void flush(StringBuilder para, List<String> out) {
    if (para.length() == 0) return;
    String p = Text.collapseSpace(para.toString());
    if (!p.isEmpty()) out.add(p);
    para.setLength(0);
  }

  private static boolean isRule(String line) {
    if (line.length() < 3) return false;
    char c = line.charAt(0);
    if (c != '-' && c != '*' && c != '_') return false;
    for (int i = 0; i < line.length(); i++) {
      char d = line.charAt(i);
      if (d != c && d != ' ') return false;
    }
    return true;
  }

  /** Length of a list marker ("- ", "* ", "12. ") at the start, or 0. */
  private static int listMarker(String line) {
    if (line.length() > 2 && (line.charAt(0) == '-' || line.charAt(0) == '*' || line.charAt(0) == '+')
        && line.charAt(1) == ' ') {
      return 2;
    }
    int d = 0;
    while (d < line.length() && d < 3 && Character.isDigit(line.charAt(d))) d++;
    if (d > 0 && d + 1 < line.length() && (line.charAt(d) == '.' || line.charAt(d) == ')') && line.charAt(d + 1) == ' ') {
      return d + 2;
    }
    return 0;
  }

  private static String stripClosingHashes(String s) {
    int e = s.length();
    while (e > 0 && s.charAt(e - 1) == '#') e--;
    return e < s.length() && e > 0 && s.charAt(e - 1) == ' ' ? s.substring(0, e) : s;
  }

  /** Inline Markdown reduced to its text: links keep their text, images go, emphasis markers go. */
  static String inline(String s) {
    if (s.indexOf('[') < 0 && s.indexOf('*') < 0 && s.indexOf('_') < 0 && s.indexOf('`') < 0
        && s.indexOf('<') < 0 && s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < n && !Character.isLetterOrDigit(s.charAt(i + 1))) {
        b.append(s.charAt(++i));
      } else if ((c == '[' || (c == '!' && i + 1 < n && s.charAt(i + 1) == '['))) {
        boolean image = c == '!';
        int open = image ? i + 1 : i;
        int close = s.indexOf(']', open + 1);
        if (close > 0 && close + 1 < n && s.charAt(close + 1) == '(' && s.indexOf(')', close + 2) > 0) {
          int end = s.indexOf(')', close + 2);
          if (!image) b.append(inline(s.substring(open + 1, close)));
          i = end;
        } else {
          b.append(c);
        }
      } else if (c == '`') {
        continue;
      } else if (c == '*' || (c == '_' && isEmphasisUnderscore(s, i))) {
        continue;
      } else if (c == '<' && s.indexOf('>', i) > i && isTagStart(s, i)) {
        i = s.indexOf('>', i);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** An underscore at a word edge (_word_), not inside snake_case. */
  private static boolean isEmphasisUnderscore(String s, int i) {
    boolean letterBefore = i > 0 && Character.isLetterOrDigit(s.charAt(i - 1));
    boolean letterAfter = i + 1 < s.length() && Character.isLetterOrDigit(s.charAt(i + 1));
    return !(letterBefore && letterAfter);
  }

  private static boolean isTagStart(String s, int i) {
    if (i + 1 >= s.length()) return false;
    char c = s.charAt(i + 1);
    return Character.isLetter(c) || c == '/' || c == '!';
  }
}

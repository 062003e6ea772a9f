package org.newsdesk.bot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.newsdesk.bot.AnswerSources;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.answer.Answer;
import org.newsdesk.retrieval.answer.Citation;

/** An answer for the terminal (answer, notice, numbered sources) and as the one-line JSON of {@code ask --json}. */
public final class AnswerText {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AnswerText() {}

  private static final Pattern MARKER = Pattern.compile("\\[\\d+(?:\\s*[,;]\\s*\\d+)*\\]");
  private static final AttributedStyle NUMBER = AttributedStyle.BOLD.foreground(AttributedStyle.CYAN);
  private static final AttributedStyle HEADLINE = AttributedStyle.BOLD;
  private static final AttributedStyle DETAILS = AttributedStyle.DEFAULT.faint();
  private static final AttributedStyle QUOTE = AttributedStyle.DEFAULT.italic();

  /**
   * Readable text: the answer, a note when the model fell back, then the sources, numbered and
   * aligned: the headline on the first line, outlet, date and link on the second, and under them
   * only the quotes the answer does not already say word for word ({@link AnswerSources}).
   */
  static String terminal(Answer a) {
    return styled(a).toString();
  }

  /**
   * {@link #terminal} with its parts marked: citation numbers, headlines, the details line and the
   * quotes. {@code toString()} gives the plain text, {@code toAnsi(terminal)} the same in colour.
   */
  static AttributedString styled(Answer a) {
    AttributedStringBuilder b = new AttributedStringBuilder();
    Matcher m = MARKER.matcher(a.text());
    int from = 0;
    while (m.find()) {
      b.append(a.text().substring(from, m.start())).styled(NUMBER, m.group());
      from = m.end();
    }
    b.append(a.text().substring(from));
    a.notice().ifPresent(n -> b.append(System.lineSeparator()).styled(QUOTE, "(" + n + ")"));
    if (!a.citations().isEmpty()) b.append(System.lineSeparator()).append(System.lineSeparator()).append(sources(a));
    return b.toAttributedString();
  }

  /** "Sources:" and one entry per citation number; the labels are right-aligned so the headlines line up. */
  static AttributedString sources(Answer a) {
    List<AnswerSources.Source> sources = AnswerSources.of(a);
    int width = sources.stream().mapToInt(s -> label(s.n()).length()).max().orElse(0);
    String indent = " ".repeat(width + 1);
    AttributedStringBuilder b = new AttributedStringBuilder().styled(AttributedStyle.BOLD, "Sources:");
    for (AnswerSources.Source s : sources) {
      Passage p = s.passage();
      b.append(System.lineSeparator()).append(" ".repeat(width - label(s.n()).length()))
          .styled(NUMBER, label(s.n())).append(" ").styled(HEADLINE, p.title());
      StringBuilder details = new StringBuilder();
      p.source().filter(o -> !o.isBlank()).ifPresent(o -> details.append(o.strip()).append(" · "));
      details.append(p.published().map(Object::toString).orElse("undated"));
      p.url().ifPresent(u -> details.append(" · ").append(u));
      b.append(System.lineSeparator()).append(indent).styled(DETAILS, details.toString());
      for (String quote : s.quotes()) b.append(System.lineSeparator()).append(indent).styled(QUOTE, "“" + quote + "”");
    }
    return b.toAttributedString();
  }

  private static String label(int n) {
    return "[" + n + "]";
  }

  /**
   * {@code {"answered", "answer", "mode", "citations": [...], "notice"}} on one line: what
   * {@code ask --json} prints, a format scripts read.
   */
  public static String json(Answer a) {
    ObjectNode o = JSON.createObjectNode();
    o.put("answered", a.answered());
    o.put("answer", a.text());
    o.put("mode", a.mode().label());
    ArrayNode citations = o.putArray("citations");
    for (Citation c : a.citations()) {
      Passage p = c.passage();
      ObjectNode n = citations.addObject();
      n.put("n", c.n());
      n.put("articleId", p.articleId());
      n.put("title", p.title());
      n.put("source", p.source().orElse(null));
      n.put("url", p.url().map(Object::toString).orElse(null));
      n.put("published", p.published().map(Object::toString).orElse(null));
      n.put("quote", c.quote());
      n.put("supported", c.supported());
    }
    o.put("notice", a.notice().orElse(null));
    try {
      return JSON.writeValueAsString(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("answer could not be written as JSON", e);
    }
  }
}

package org.newsdesk.bot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.answer.Answer;
import org.newsdesk.retrieval.answer.Citation;

/** An answer for the terminal (answer, notice, numbered sources) and as the one-line JSON of {@code ask --json}. */
public final class AnswerText {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AnswerText() {}

  /** Readable text: the answer, a note when the model fell back, then each source with its quote. */
  static String terminal(Answer a) {
    List<String> lines = new ArrayList<>();
    lines.add(a.text());
    a.notice().ifPresent(n -> lines.add("(" + n + ")"));
    if (!a.citations().isEmpty()) {
      lines.add("");
      lines.add("Sources:");
      for (Citation c : a.citations()) {
        Passage p = c.passage();
        StringBuilder head = new StringBuilder("[" + c.n() + "] " + p.title());
        p.source().ifPresent(s -> head.append(" — ").append(s));
        head.append(", ").append(p.published().map(Object::toString).orElse("undated"));
        lines.add(head.toString());
        p.url().ifPresent(u -> lines.add("    " + u));
        lines.add("    “" + c.quote().replaceAll("\\s+", " ") + "”");
      }
    }
    return String.join(System.lineSeparator(), lines);
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

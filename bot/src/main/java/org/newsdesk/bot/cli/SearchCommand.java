package org.newsdesk.bot.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsdesk.bot.Newsdesk;
import org.newsdesk.config.NewsdeskConfig;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.answer.SentenceRanker;
import org.newsdesk.retrieval.ingest.Text;
import org.newsdesk.retrieval.search.PassageSearcher;
import org.newsdesk.retrieval.search.ScoredPassage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code newsdesk search}: the top passages for a question, with score and best-matching sentence.
 * Like {@code ask}, it indexes the articles folder first when there is no index yet (or when
 * {@code --articles} is given). Without a question it reads questions from standard input, one a line, and writes one JSON
 * object a line (streaming: memory stays flat for any number of questions).
 */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = {"Show the passages that best match a question, with score and best-matching sentence.",
        "Without QUESTION, it reads questions from standard input, one a line, and writes one JSON object a line:"
            + " {\"query\", \"hits\":[{\"articleId\",\"title\",\"url\",\"published\",\"source\",\"passage\","
            + "\"sentence\",\"score\"}]}."})
public final class SearchCommand implements Callable<Integer> {
  private static final int WIDTH = 100;
  /** Words of a passage shown under its best sentence; the JSON output holds the whole passage. */
  static final int EXCERPT_WORDS = 60;

  @Mixin ConfigOptions options;
  @Mixin AskedOnOption asked;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "QUESTION", description = "The question; omit to read questions from stdin.")
  String question;

  @Option(names = "--top", paramLabel = "K", description = "How many passages (default: newsdesk.retrieval.top-k).")
  Integer top;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  InputStream in = System.in;
  /** Where indexing before the first search says what it does: never the results' stream. */
  PrintStream progress = System.err;

  @Override
  public Integer call() throws IOException {
    if (top != null && (top < 1 || top > 1000)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--top must be 1..1000, got " + top);
    }
    NewsdeskConfig config = options.config();
    int limit = top == null ? config.retrieval().topK() : top;
    PrintWriter out = spec.commandLine().getOut();
    try (Newsdesk app = Newsdesk.of(config).indexed(options.articlesGiven(), progress)) {
      PassageSearcher searcher = app.searcher();
      LocalDate day = asked.day();
      JsonFactory factory = new JsonFactory();
      if (question == null) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          if (line.isBlank()) continue;
          writeJson(factory, out, app, line, searcher.search(line, limit, day));
        }
      } else if (json) {
        writeJson(factory, out, app, question, searcher.search(question, limit, day));
      } else {
        writeText(out, app, searcher.search(question, limit, day));
      }
    }
    return 0;
  }

  private static void writeJson(JsonFactory factory, PrintWriter out, Newsdesk app, String query,
                                List<ScoredPassage> hits) throws IOException {
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      g.writeStartObject();
      g.writeStringField("query", query);
      g.writeArrayFieldStart("hits");
      for (ScoredPassage hit : hits) {
        Passage p = hit.passage();
        g.writeStartObject();
        g.writeStringField("articleId", p.articleId());
        g.writeStringField("title", p.title());
        g.writeStringField("url", p.url().map(Object::toString).orElse(null));
        g.writeStringField("published", p.published().map(Object::toString).orElse(null));
        g.writeStringField("source", p.source().orElse(null));
        g.writeStringField("passage", p.text());
        g.writeStringField("sentence", SentenceRanker.best(query, p).of(p.text()));
        g.writeNumberField("score", hit.score());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.println();
    out.flush();
  }

  private void writeText(PrintWriter out, Newsdesk app, List<ScoredPassage> hits) {
    if (hits.isEmpty()) {
      out.println("No passage matches.");
      out.flush();
      return;
    }
    int n = 1;
    for (ScoredPassage hit : hits) {
      Passage p = hit.passage();
      out.printf("%d. %s  (score %.2f)%n", n++, p.title(), hit.score());
      StringBuilder where = new StringBuilder("   ").append(p.articleId()).append(" #").append(p.ordinal());
      p.source().ifPresent(s -> where.append(" · ").append(s));
      p.published().ifPresent(d -> where.append(" · ").append(d));
      p.url().ifPresent(u -> where.append(" · ").append(u));
      out.println(where);
      wrap(out, "   > ", SentenceRanker.best(question, p).of(p.text()));
      wrap(out, "     ", excerpt(p.text()));
      out.println();
    }
    out.flush();
  }

  /** The first {@link #EXCERPT_WORDS} words of {@code text}, and " …" when there are more. */
  static String excerpt(String text) {
    String whole = text.strip();
    String opening = Text.opening(whole, EXCERPT_WORDS);
    return opening.length() == whole.length() ? whole : opening + " …";
  }

  private static void wrap(PrintWriter out, String indent, String text) {
    StringBuilder line = new StringBuilder(indent);
    for (String word : text.strip().split("\\s+")) {
      if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
        out.println(line);
        line = new StringBuilder(" ".repeat(indent.length()));
      }
      if (line.length() > indent.length()) line.append(' ');
      line.append(word);
    }
    out.println(line);
  }
}

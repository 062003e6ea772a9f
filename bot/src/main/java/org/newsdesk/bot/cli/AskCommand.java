package org.newsdesk.bot.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.newsdesk.bot.Newsdesk;
import org.newsdesk.config.AnswerMode;
import org.newsdesk.config.NewsdeskConfig;
import org.newsdesk.retrieval.answer.Answer;
import org.newsdesk.retrieval.answer.Answerer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code newsdesk ask "question"}: one cited answer. With no question, answers stdin line by line,
 * one JSON object a line, each question on its own (no conversation between lines).
 */
@Command(name = "ask", mixinStandardHelpOptions = true,
    description = {"Answer a question from the articles, citing and quoting them.",
        "With no question, reads questions from stdin one a line and prints one JSON object a line."})
public final class AskCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;
  @Mixin AskedOnOption asked;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "QUESTION", description = "The question (omit to read stdin).")
  String question;

  @Option(names = "--json", description = "Print {answered, answer, mode, citations, notice} as JSON.")
  boolean json;

  @Option(names = "--mode", paramLabel = "MODE", description = "Answer mode: extractive, openai or ollama (default: setting newsdesk.answer.mode).")
  String mode;

  InputStream in = System.in;

  @Override
  public Integer call() {
    if (question != null && question.isBlank()) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "the question is empty; ask something, e.g. newsdesk ask \"Who met in Brussels?\"");
    }
    Map<String, String> flags = new LinkedHashMap<>();
    if (mode != null) flags.put("newsdesk.answer.mode", checkedMode(mode));
    NewsdeskConfig config = options.config(flags);
    PrintWriter out = spec.commandLine().getOut();
    try (Newsdesk app = Newsdesk.of(config).indexed(options.articlesGiven(), System.err)) {
      if (question != null) {
        answerOne(app.answerer(), question, asked.day(), json, out);
      } else {
        answerLines(app.answerer(), new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), asked.day(),
            out);
      }
    }
    return 0;
  }

  static void answerOne(Answerer answerer, String question, LocalDate askedOn, boolean json, PrintWriter out) {
    Answer a = answerer.answer("ask", question, askedOn);
    out.println(json ? AnswerText.json(a) : AnswerText.terminal(a));
    out.flush();
  }

  /** One JSON line per non-blank input line, written as soon as it is answered. */
  static int answerLines(Answerer answerer, BufferedReader in, LocalDate askedOn, PrintWriter out) {
    int n = 0;
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) continue;
        n++;
        out.println(AnswerText.json(answerer.answer("ask-" + n, line, askedOn)));
        out.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading questions from stdin failed", e);
    }
    return n;
  }

  private String checkedMode(String m) {
    for (AnswerMode am : AnswerMode.values()) if (am.label().equals(m.toLowerCase(Locale.ROOT))) return am.label();
    throw new CommandLine.ParameterException(spec.commandLine(), "--mode must be extractive, openai or ollama, got " + m);
  }
}

package org.newsdesk.bot.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.newsdesk.bot.Newsdesk;
import org.newsdesk.retrieval.answer.Answer;
import org.newsdesk.retrieval.answer.Answerer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newsdesk chat}: the Telegram conversation in the terminal; follow-up questions work. */
@Command(name = "chat", mixinStandardHelpOptions = true,
    description = "Talk with Newsdesk in the terminal: ask, then ask follow-ups. /help lists commands, /quit ends.")
public final class ChatCommand implements Callable<Integer> {
  static final String HELP = String.join(System.lineSeparator(),
      "Ask a question about the articles; follow-up questions (\"What did he say about Kaliningrad?\") build on the conversation.",
      "/sources  the sources of the last answer",
      "/new      start a new conversation",
      "/help     this help",
      "/quit     leave (or press Ctrl-D)");

  @Mixin ConfigOptions options;

  InputStream in = System.in;

  @Override
  public Integer call() {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    try (Newsdesk app = Newsdesk.of(options.config()).indexed(options.articlesGiven(), System.err)) {
      out.println("Newsdesk: ask about the articles. /help for commands, /quit to leave.");
      converse(app.answerer(), new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), out);
    }
    return 0;
  }

  /** The conversation loop: prompt, read, answer, until /quit or end of input. */
  static void converse(Answerer answerer, BufferedReader in, PrintWriter out) {
    int session = 1;
    Answer last = null;
    try {
      while (true) {
        out.print("> ");
        out.flush();
        String line = in.readLine();
        if (line == null) {
          out.println();
          break;
        }
        String q = line.strip();
        if (q.isEmpty()) continue;
        switch (q.toLowerCase(Locale.ROOT)) {
          case "/quit", "/exit" -> {
            return;
          }
          case "/help" -> out.println(HELP);
          case "/new" -> {
            session++;
            last = null;
            out.println("New conversation.");
          }
          case "/sources" -> out.println(last == null || last.citations().isEmpty()
              ? "No sources yet: ask a question first."
              : AnswerText.sources(last));
          default -> {
            if (q.startsWith("/")) {
              out.println("Unknown command " + q + ". /help lists commands.");
            } else {
              last = answerer.answer("terminal-" + session, q);
              out.println(AnswerText.terminal(last));
              out.println();
            }
          }
        }
        out.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the terminal failed", e);
    }
  }
}

package org.newsdesk.bot.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.newsdesk.bot.Newsdesk;
import org.newsdesk.config.NewsdeskConfig;
import org.newsdesk.retrieval.answer.Answer;
import org.newsdesk.retrieval.answer.Answerer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code newsdesk chat}: the Telegram conversation in the terminal; follow-up questions work. On a
 * terminal it reads with JLine's line editor (editing keys, the questions of earlier sessions with
 * the arrow keys and Ctrl-R, kept in {@code <data>/chat-history}) and marks answers up in colour
 * unless {@code NO_COLOR} is set; from a pipe it reads plain lines and writes plain text.
 */
@Command(name = "chat", mixinStandardHelpOptions = true,
    description = "Talk with Newsdesk in the terminal: ask, then ask follow-ups. /help lists commands, /quit ends.")
public final class ChatCommand implements Callable<Integer> {
  static final String GREETING = "Newsdesk: ask about the articles. /help for commands, /quit to leave.";
  static final String HELP = String.join(System.lineSeparator(),
      "Ask a question about the articles; follow-up questions (\"What did he say about Kaliningrad?\") build on the conversation.",
      "/sources  the sources of the last answer",
      "/new      start a new conversation",
      "/help     this help",
      "/quit     leave (or press Ctrl-D)",
      "Keys: arrows and Home/End edit the line, Up/Down go through earlier questions, Ctrl-R searches them,"
          + " Ctrl-C clears the line.");
  /** The file under the data folder that keeps the questions asked on a terminal, for the arrow keys. */
  static final String HISTORY_FILE = "chat-history";

  @Mixin ConfigOptions options;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  InputStream in = System.in;
  BooleanSupplier onTerminal = TerminalStreams::stdinAndStdout;

  @Override
  public Integer call() throws IOException {
    NewsdeskConfig config = options.config();
    try (Newsdesk app = Newsdesk.of(config).indexed(options.articlesGiven(), System.err)) {
      if (onTerminal.getAsBoolean()) {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
          onTerminal(app.answerer(), terminal, config.data().resolve(HISTORY_FILE), colour(System.getenv()));
        }
      } else {
        PrintWriter out = spec.commandLine().getOut();
        out.println(GREETING);
        converse(app.answerer(), new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), out);
      }
    }
    return 0;
  }

  /** Colour unless {@code NO_COLOR} is set to anything (the no-color.org convention). */
  static boolean colour(Map<String, String> env) {
    String noColor = env.get("NO_COLOR");
    return noColor == null || noColor.isEmpty();
  }

  /**
   * The conversation on a terminal: JLine reads each line (Ctrl-C drops the line being typed, Ctrl-D
   * at an empty line leaves), with the questions of this and earlier sessions in {@code history}.
   */
  static void onTerminal(Answerer answerer, Terminal terminal, Path history, boolean colour) {
    LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("newsdesk")
        .variable(LineReader.HISTORY_FILE, history).build();
    Function<AttributedString, String> render = colour ? s -> s.toAnsi(terminal) : AttributedString::toString;
    String prompt = render.apply(new AttributedString("> ", AttributedStyle.BOLD));
    PrintWriter out = terminal.writer();
    out.println(GREETING);
    out.flush();
    converse(answerer, () -> {
      while (true) {
        try {
          return reader.readLine(prompt);
        } catch (UserInterruptException e) {
          // Ctrl-C: the line being typed is dropped and a fresh prompt shown
        } catch (EndOfFileException e) {
          return null;
        }
      }
    }, out, render);
  }

  /** The conversation over plain lines (a pipe, a file): a "> " before each, plain text out. */
  static void converse(Answerer answerer, BufferedReader in, PrintWriter out) {
    converse(answerer, () -> {
      out.print("> ");
      out.flush();
      return in.readLine();
    }, out, AttributedString::toString);
  }

  /** The reader's next line; null at the end of input. */
  private interface Lines {
    String next() throws IOException;
  }

  /** The conversation loop: read, answer, until /quit or the end of input; {@code render} gives styled text its form. */
  private static void converse(Answerer answerer, Lines lines, PrintWriter out,
                               Function<AttributedString, String> render) {
    int session = 1;
    Answer last = null;
    try {
      while (true) {
        String line = lines.next();
        if (line == null) {
          out.println();
          out.flush();
          break;
        }
        String q = line.strip();
        if (q.isEmpty()) continue;
        switch (q.toLowerCase(Locale.ROOT)) {
          case "/quit", "/exit" -> {
            out.flush();
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
              : render.apply(AnswerText.sources(last)));
          default -> {
            if (q.startsWith("/")) {
              out.println("Unknown command " + q + ". /help lists commands.");
            } else {
              last = answerer.answer("terminal-" + session, q);
              out.println(render.apply(AnswerText.styled(last)));
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

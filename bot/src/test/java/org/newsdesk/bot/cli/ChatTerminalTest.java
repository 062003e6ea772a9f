package org.newsdesk.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.bot.Main;
import org.newsdesk.config.AnswerMode;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.answer.Answer;
import org.newsdesk.retrieval.answer.Answerer;
import org.newsdesk.retrieval.answer.Citation;
import picocli.CommandLine;

/**
 * {@code chat} as a reader meets it: from a pipe, plain text and nothing else; on a terminal, line
 * editing with a history kept between sessions, and colour unless NO_COLOR says otherwise.
 */
class ChatTerminalTest {
  private static final Passage FERRY = new Passage("ferry", 0, "A new ferry terminal",
      "Ferries will run every twenty minutes between the terminal and the old town.",
      Optional.of(URI.create("https://news.example/ferry")), Optional.of(LocalDate.of(2023, 3, 1)),
      Optional.of("Harbor Gazette"), 10, 87);
  private static final Passage BRIDGE = new Passage("bridge", 0, "Vessel bridge closes for repairs",
      "The Vessel bridge will close for six months.", Optional.empty(), Optional.empty(), Optional.empty(), 0, 44);

  @TempDir Path tmp;

  /** Answers about ferries by quoting the article, about the bridge in its own words; records what it was asked. */
  private static final class Desk implements Answerer {
    final List<String> asked = new ArrayList<>();

    @Override
    public Answer answer(String conversationId, String question) {
      asked.add(conversationId + ": " + question);
      if (question.contains("bridge")) {
        return new Answer(true, "The bridge shuts for half a year [1].", AnswerMode.OPENAI,
            List.of(new Citation(1, BRIDGE, BRIDGE.text(), 0, 44, true, 1f)), List.of(), List.of(), Optional.empty(),
            question);
      }
      return new Answer(true, "Ferries will run every twenty minutes between the terminal and the old town [1].",
          AnswerMode.EXTRACTIVE, List.of(new Citation(1, FERRY, FERRY.text(), 10, 87, true, 1f)), List.of(), List.of(),
          Optional.empty(), question);
    }
  }

  @Test
  void should_write_plain_text_exactly_when_the_questions_come_from_a_pipe() {
    StringWriter out = new StringWriter();

    ChatCommand.converse(new Desk(), new java.io.BufferedReader(new java.io.StringReader(
        "How often do ferries run?\nHow long will the bridge close?\n/sources\n/quit\n")), new PrintWriter(out));

    assertThat(out.toString().replace(System.lineSeparator(), "\n")).isEqualTo("""
        > Ferries will run every twenty minutes between the terminal and the old town [1].

        Sources:
        [1] A new ferry terminal
            Harbor Gazette · 2023-03-01 · https://news.example/ferry

        > The bridge shuts for half a year [1].

        Sources:
        [1] Vessel bridge closes for repairs
            undated
            “The Vessel bridge will close for six months.”

        > Sources:
        [1] Vessel bridge closes for repairs
            undated
            “The Vessel bridge will close for six months.”
        >\s""");
  }

  @Test
  void should_greet_and_answer_without_a_single_escape_code_when_chat_runs_in_a_pipe() {
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    CommandInput.set(cl, new ByteArrayInputStream("/help\n".getBytes(StandardCharsets.UTF_8)));

    int code = cl.execute("chat", "--data", tmp.resolve("data").toString(), "--articles",
        Path.of(System.getProperty("newsdesk.shared"), "seeds").toString(), "--set", "newsdesk.retrieval.dense=false");

    assertThat(code).isZero();
    assertThat(out.toString().replace(System.lineSeparator(), "\n")).isEqualTo(
        "Newsdesk: ask about the articles. /help for commands, /quit to leave.\n> " + ChatCommand.HELP.replace(
            System.lineSeparator(), "\n") + "\n> \n");
  }

  @Test
  void should_recall_the_last_question_with_the_up_arrow_and_keep_it_for_the_next_session_on_a_terminal()
      throws Exception {
    Desk desk = new Desk();
    Path history = tmp.resolve("chat-history");
    ByteArrayOutputStream screen = new ByteArrayOutputStream();

    try (Terminal terminal = emulated("How long will the bridge close?\r\u001bOA\r", screen)) {
      ChatCommand.onTerminal(desk, terminal, history, true);
    }
    try (Terminal terminal = emulated("\u001bOA\r", new ByteArrayOutputStream())) {
      ChatCommand.onTerminal(desk, terminal, history, true);
    }

    assertThat(desk.asked).containsExactly("terminal-1: How long will the bridge close?",
        "terminal-1: How long will the bridge close?", "terminal-1: How long will the bridge close?");
    assertThat(Files.readString(history)).contains("How long will the bridge close?");
    String shown = screen.toString(StandardCharsets.UTF_8);
    assertThat(shown).contains("Newsdesk: ask about the articles.").contains("\u001b[").contains("Vessel bridge closes");
  }

  @Test
  void should_show_the_same_text_with_colour_codes_only_where_colour_is_wanted() {
    Answer a = new Desk().answer("c", "How long will the bridge close?");

    String plain = AnswerText.styled(a).toString();
    String coloured = AnswerText.styled(a).toAnsi();

    assertThat(plain).isEqualTo(AnswerText.terminal(a)).doesNotContain("\u001b");
    assertThat(coloured).contains("\u001b[").isNotEqualTo(plain);
    assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(plain);
  }

  @Test
  void should_use_colour_only_when_no_color_is_unset_or_empty() {
    assertThat(ChatCommand.colour(Map.of())).isTrue();
    assertThat(ChatCommand.colour(Map.of("NO_COLOR", ""))).isTrue();
    assertThat(ChatCommand.colour(Map.of("NO_COLOR", "1"))).isFalse();
  }

  /** A terminal that reads {@code keys} as typed and draws on {@code screen}: JLine's line editor runs over it. */
  private static Terminal emulated(String keys, ByteArrayOutputStream screen) throws java.io.IOException {
    return TerminalBuilder.builder().system(false).type("xterm-256color").size(new Size(100, 40))
        .streams(new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), screen).build();
  }
}

package org.newsdesk.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.newsdesk.config.AnswerMode;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.answer.Answer;
import org.newsdesk.retrieval.answer.Answerer;
import org.newsdesk.retrieval.answer.Citation;
import org.newsdesk.retrieval.answer.SentenceCheck;

class AskAndChatTest {
  /** The day the questions are asked on. */
  private static final LocalDate DAY = LocalDate.of(2024, 3, 8);
  private static final Passage FERRY = new Passage("ferry", 0, "A new ferry terminal",
      "Ferries will run every twenty minutes between the terminal and the old town.",
      Optional.of(URI.create("https://news.example/ferry")), Optional.of(LocalDate.of(2023, 3, 1)),
      Optional.of("Harbor Gazette"), 10, 87);

  /** Answers every question with the ferry sentence and records who asked what in which conversation. */
  private static final class RecordingAnswerer implements Answerer {
    final List<String> asked = new ArrayList<>();
    final List<LocalDate> days = new ArrayList<>();

    @Override
    public Answer answer(String conversationId, String question, LocalDate askedOn) {
      days.add(askedOn);
      return answer(conversationId, question);
    }

    @Override
    public Answer answer(String conversationId, String question) {
      asked.add(conversationId + ": " + question);
      if (question.contains("Australia")) {
        return new Answer(false, Answer.NOT_FOUND, AnswerMode.EXTRACTIVE, List.of(), List.of(), List.of(),
            Optional.empty(), question);
      }
      Citation c = new Citation(1, FERRY, FERRY.text(), 10, 87, true, 2.5f);
      return new Answer(true, "Ferries will run every twenty minutes between the terminal and the old town [1].",
          AnswerMode.EXTRACTIVE, List.of(c), List.of(new SentenceCheck(FERRY.text(), List.of(1), 1.0, true)),
          List.of(), Optional.of("The language model did not answer in time; this answer quotes the articles directly."),
          question);
    }
  }

  @Test
  void should_print_the_answer_then_its_numbered_sources_when_asked_in_a_terminal() {
    StringWriter out = new StringWriter();

    AskCommand.answerOne(new RecordingAnswerer(), "How often do ferries run?", DAY, false, new PrintWriter(out));

    assertThat(out.toString().replace("\r\n", "\n")).isEqualTo("""
        Ferries will run every twenty minutes between the terminal and the old town [1].
        (The language model did not answer in time; this answer quotes the articles directly.)

        Sources:
        [1] A new ferry terminal
            Harbor Gazette · 2023-03-01 · https://news.example/ferry
        """);
  }

  @Test
  void should_quote_the_supporting_sentence_under_its_source_when_a_model_answered_in_its_own_words() {
    Citation c = new Citation(1, FERRY, FERRY.text(), 10, 87, true, 2.5f);
    Answer a = new Answer(true, "A ferry leaves every 20 minutes [1].", AnswerMode.OPENAI, List.of(c), List.of(),
        List.of(), Optional.empty(), "q");

    assertThat(AnswerText.terminal(a)).isEqualTo(String.join(System.lineSeparator(),
        "A ferry leaves every 20 minutes [1].",
        "",
        "Sources:",
        "[1] A new ferry terminal",
        "    Harbor Gazette · 2023-03-01 · https://news.example/ferry",
        "    “Ferries will run every twenty minutes between the terminal and the old town.”"));
  }

  @Test
  void should_align_headlines_and_details_when_there_are_ten_sources_or_more() {
    List<Citation> citations = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int n = 1; n <= 10; n++) {
      Passage p = new Passage("a" + n, 0, "Story " + n, "Sentence number " + n + ".", Optional.empty(),
          Optional.empty(), Optional.empty(), 0, 20);
      citations.add(new Citation(n, p, p.text(), 0, 20, true, 1f));
      text.append("Sentence number ").append(n).append(" [").append(n).append("]. ");
    }
    Answer a = new Answer(true, text.toString().strip(), AnswerMode.EXTRACTIVE, citations, List.of(), List.of(),
        Optional.empty(), "q");

    List<String> lines = AnswerText.terminal(a).lines().toList();

    assertThat(lines.subList(3, 7)).containsExactly(" [1] Story 1", "     undated", " [2] Story 2", "     undated");
    assertThat(lines.subList(lines.size() - 2, lines.size())).containsExactly("[10] Story 10", "     undated");
  }

  @Test
  void should_print_exactly_the_json_fields_when_asked_for_json() throws Exception {
    StringWriter out = new StringWriter();

    AskCommand.answerOne(new RecordingAnswerer(), "How often do ferries run?", DAY, true, new PrintWriter(out));

    JsonNode o = new ObjectMapper().readTree(out.toString());
    assertThat(o.fieldNames()).toIterable().containsExactly("answered", "answer", "mode", "citations", "notice");
    assertThat(o.get("answered").asBoolean()).isTrue();
    assertThat(o.get("mode").asText()).isEqualTo("extractive");
    JsonNode c = o.get("citations").get(0);
    assertThat(c.fieldNames()).toIterable()
        .containsExactly("n", "articleId", "title", "source", "url", "published", "quote", "supported");
    assertThat(c.get("published").asText()).isEqualTo("2023-03-01");
    assertThat(c.get("quote").asText()).isEqualTo(FERRY.text());
  }

  @Test
  void should_answer_each_stdin_line_on_its_own_as_one_json_line() throws Exception {
    RecordingAnswerer answerer = new RecordingAnswerer();
    StringWriter out = new StringWriter();

    int n = AskCommand.answerLines(answerer, new BufferedReader(new StringReader(
        "How often do ferries run?\n\nWhat is the capital of Australia?\n")), DAY, new PrintWriter(out));

    assertThat(n).isEqualTo(2);
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(new ObjectMapper().readTree(lines.get(1)).get("answer").asText()).isEqualTo("I couldn't find that in the articles.");
    assertThat(new ObjectMapper().readTree(lines.get(1)).get("notice").isNull()).isTrue();
    assertThat(answerer.asked).containsExactly("ask-1: How often do ferries run?", "ask-2: What is the capital of Australia?");
    assertThat(answerer.days).containsExactly(DAY, DAY);
  }

  @Test
  void should_keep_one_conversation_until_quit_in_chat() {
    RecordingAnswerer answerer = new RecordingAnswerer();
    StringWriter out = new StringWriter();

    ChatCommand.converse(answerer, new BufferedReader(new StringReader(
        "How often do ferries run?\n/sources\nAnd on Sundays?\n/new\nWhat about trams?\n/quit\nnever read\n")),
        new PrintWriter(out));

    assertThat(answerer.asked).containsExactly("terminal-1: How often do ferries run?", "terminal-1: And on Sundays?",
        "terminal-2: What about trams?");
    assertThat(out.toString()).startsWith("> Ferries will run every twenty minutes")
        .contains("> Sources:\n[1] A new ferry terminal\n    Harbor Gazette · 2023-03-01 · https://news.example/ferry\n")
        .contains("New conversation.");
  }
}

package org.newsdesk.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.bot.Newsdesk;
import org.newsdesk.config.NewsdeskConfig;

/** The terminal's code path (pipeline opening, conversation loop) over the real index of the seed articles. */
class ChatOverSeedsTest {
  private static final Path SEEDS = Path.of(System.getProperty("newsdesk.shared", "../shared")).resolve("seeds");

  @TempDir Path data;

  private NewsdeskConfig config(Path articles) {
    return NewsdeskConfig.load(Map.of(), Map.of("newsdesk.data", data.toString(), "newsdesk.articles", articles.toString()));
  }

  private static String chat(Newsdesk app, String input) {
    StringWriter out = new StringWriter();
    ChatCommand.converse(app.answerer(), new BufferedReader(new StringReader(input)), new PrintWriter(out));
    return out.toString().replace("\r\n", "\n");
  }

  @Test
  void should_answer_a_follow_up_about_the_person_of_the_previous_question_when_chatting() {
    // given
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    try (Newsdesk app = Newsdesk.of(config(SEEDS)).indexed(false,
        new PrintStream(progress, true, StandardCharsets.UTF_8))) {

      // when
      String transcript = chat(app, "Who is the US ambassador to Russia?\nWhy was he summoned?\n/quit\n");

      // then
      String[] turns = transcript.split("(?m)^> ");
      assertThat(turns).hasSize(3); // nothing before the first prompt, then one answer a prompt; /quit prints nothing
      assertThat(turns[1]).contains("John Sullivan").contains("\nSources:\n[1] ");
      assertThat(turns[2]).doesNotStartWith("I couldn't find that in the articles.")
          .contains("summoned to the Kremlin").contains("\nSources:\n[1] ");
    }
    assertThat(progress.toString(StandardCharsets.UTF_8))
        .startsWith("newsdesk: no index yet, indexing " + SEEDS + " first...\n")
        .contains(": 5 indexed, 0 unchanged, 0 deleted, 0 rejected");
  }

  @Test
  void should_index_the_changes_of_an_articles_folder_when_it_is_given_explicitly() throws Exception {
    // given: an index built from a folder that then gains an article
    Path articles = Files.createDirectories(data.resolve("articles"));
    Files.writeString(articles.resolve("harbor.txt"), "Harbor ferries change timetable\n\n"
        + "Ferries between the harbor and the old town will run every twenty minutes from May.\n");
    Newsdesk.of(config(articles)).indexed(true, new PrintStream(new ByteArrayOutputStream())).close();
    Files.writeString(articles.resolve("bridge.txt"), "Vessel bridge closes for repairs\n\n"
        + "The Vessel bridge will close for six months while engineers replace its cables.\n");
    ByteArrayOutputStream progress = new ByteArrayOutputStream();

    // when
    try (Newsdesk app = Newsdesk.of(config(articles)).indexed(true,
        new PrintStream(progress, true, StandardCharsets.UTF_8))) {
      String transcript = chat(app, "How long will the Vessel bridge close?\n");

      // then
      assertThat(transcript).startsWith(
          "> The Vessel bridge will close for six months while engineers replace its cables [1].\n\nSources:\n"
              + "[1] Vessel bridge closes for repairs\n    undated\n\n> ");
    }
    assertThat(progress.toString(StandardCharsets.UTF_8))
        .isEqualTo("newsdesk: " + articles + ": 1 indexed, 1 unchanged, 0 deleted, 0 rejected\n");
  }

  @Test
  void should_say_what_it_replaces_when_chat_is_given_a_folder_of_other_articles() throws Exception {
    // given: an index of the seeds, and a folder that holds none of their files
    Newsdesk.of(config(SEEDS)).indexed(true, new PrintStream(new ByteArrayOutputStream())).close();
    Path other = Files.createDirectories(data.resolve("news"));
    Files.writeString(other.resolve("harbor.txt"), "Harbor ferries change timetable\n\n"
        + "Ferries between the harbor and the old town will run every twenty minutes from May.\n");
    ByteArrayOutputStream progress = new ByteArrayOutputStream();

    // when
    Newsdesk.of(config(other)).indexed(true, new PrintStream(progress, true, StandardCharsets.UTF_8)).close();

    // then
    assertThat(progress.toString(StandardCharsets.UTF_8)).isEqualTo("newsdesk: the index at " + data.resolve("index")
        + " holds 5 articles from another folder; replacing them with the articles in " + other + "\n"
        + "newsdesk: " + other + ": 1 indexed, 0 unchanged, 5 deleted, 0 rejected\n");
  }

  @Test
  void should_stay_quiet_about_indexing_when_the_given_folder_is_unchanged() {
    // given
    Newsdesk.of(config(SEEDS)).indexed(true, new PrintStream(new ByteArrayOutputStream())).close();
    ByteArrayOutputStream progress = new ByteArrayOutputStream();

    // when
    Newsdesk.of(config(SEEDS)).indexed(true, new PrintStream(progress, true, StandardCharsets.UTF_8)).close();

    // then
    assertThat(progress.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}

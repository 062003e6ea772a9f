package org.newsdesk.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {
  @TempDir Path dir;
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(err, true));
    cl.setOut(new PrintWriter(new StringWriter(), true));
    return cl.execute(args);
  }

  @Test
  void should_exit_2_when_the_command_is_unknown() {
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(err.toString()).contains("Unmatched argument");
  }

  @Test
  void should_exit_2_naming_key_and_value_when_a_setting_is_bad() {
    int code = run("search", "--data", dir.toString(), "--set", "newsdesk.retrieval.top-k=0", "tram");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("newsdesk: newsdesk.retrieval.top-k must be 1..50, got '0'"
        + System.lineSeparator());
  }

  @Test
  void should_exit_2_naming_the_nearest_key_when_a_set_key_is_mistyped() {
    int code = run("search", "--data", dir.toString(), "--set", "newsdesk.retrieval.topk=3", "tram");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("newsdesk: unknown setting newsdesk.retrieval.topk in --set"
        + " (did you mean newsdesk.retrieval.top-k?)" + System.lineSeparator());
  }

  @Test
  void should_exit_2_naming_the_option_when_the_day_of_asking_is_not_a_day() {
    for (String command : new String[] {"ask", "search"}) {
      err.getBuffer().setLength(0);

      int code = run(command, "--data", dir.toString(), "--asked-on", "2024-13-01", "tram");

      assertThat(code).as(command).isEqualTo(2);
      assertThat(err.toString()).as(command).startsWith("Invalid value for option '--asked-on': must be a day such as"
          + " 2024-03-08, got '2024-13-01'");
    }
  }

  @Test
  void should_exit_2_with_one_line_when_the_articles_folder_is_missing() {
    Path missing = dir.resolve("nowhere");

    int code = run("index", "--data", dir.toString(), "--articles", missing.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).startsWith("newsdesk: ").contains(missing.toString()).hasLineCount(1);
  }

  @Test
  void should_point_to_the_benchmarks_without_listing_them_when_asked_for_help() {
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));

    assertThat(cl.execute("--help")).isZero();

    assertThat(out.toString()).doesNotContain("  bench ")
        .endsWith(System.lineSeparator() + "Benchmarks: ./newsdesk bench --help lists them." + System.lineSeparator());
  }

  @Test
  void should_exit_2_with_one_line_naming_the_setting_when_data_is_a_file() throws Exception {
    Path file = java.nio.file.Files.writeString(dir.resolve("answers.txt"), "not a folder");

    for (String[] command : new String[][] {{"search", "tram"}, {"ask", "tram"}, {"index"}, {"review"}}) {
      err.getBuffer().setLength(0);
      String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command),
          java.util.stream.Stream.of("--data", file.toString())).toArray(String[]::new);

      assertThat(run(args)).as(command[0]).isEqualTo(2);
      assertThat(err.toString()).as(command[0]).isEqualTo("newsdesk: newsdesk.data must be a folder (it is a file), got '"
          + file + "'" + System.lineSeparator());
    }
  }

  @Test
  void should_log_an_uncaught_failure_as_one_masked_line_instead_of_a_raw_trace() throws Exception {
    String words = "UncaughtTokenForTheMainTest";
    String token = "123456789" + ":" + words + "_0123"; // put together here: no committed text is token-shaped
    try (org.newsdesk.bot.logging.LogCapture logs = org.newsdesk.bot.logging.LogCapture.under(dir)) {
      Thread t = Thread.ofPlatform().name("worker-1").uncaughtExceptionHandler(Main::uncaught)
          .start(() -> {
            throw new IllegalStateException("GET https://api.telegram.org/bot" + token + "/getMe failed");
          });
      t.join();

      assertThat(logs.terminal().lines().toList()).singleElement().asString()
          .endsWith(" ERROR o.newsdesk.bot.Main uncaught failure thread=worker-1"
              + " (GET https://api.telegram.org/bot***/getMe failed)");
      assertThat(logs.file()).doesNotContain(words)
          .contains("java.lang.IllegalStateException: GET https://api.telegram.org/bot***/getMe failed");
    }
  }

  @Test
  void should_exit_0_and_print_help_for_every_command() {
    for (String command : new String[] {"index", "search", "ask", "chat", "serve", "review"}) {
      assertThat(run(command, "--help")).as(command).isZero();
    }
  }
}

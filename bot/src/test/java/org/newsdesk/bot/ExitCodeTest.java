package org.newsdesk.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.bot.cli.CommandInput;
import org.newsdesk.config.NewsdeskConfig;
import org.newsdesk.retrieval.index.PassageIndexWriter;
import org.newsdesk.testkit.BotApiStandIn;

/**
 * The exit codes the README documents, command by command, in their succeeding and failing forms:
 * 0 done; 1 the work failed (a server, an index another run holds or that must be rebuilt); 2 the
 * command line or the settings are wrong (a bad argument or option, a setting with a bad value or
 * none, a path setting that names nothing usable). {@code serve} and {@code review} run until
 * stopped; their start is covered by the process tests.
 */
class ExitCodeTest {
  private static final Path SEEDS = Path.of(System.getProperty("newsdesk.shared"), "seeds");
  private static final String WORDS_ONLY = "newsdesk.retrieval.dense=false";

  /** An index of the seeds built without vectors: searched with dense retrieval on, it must be rebuilt. */
  @TempDir static Path words;
  @TempDir Path tmp;

  @BeforeAll
  static void indexTheSeeds() {
    Main.commandLine().setOut(new PrintWriter(new StringWriter())).execute("index", "--articles", SEEDS.toString(),
        "--data", words.toString(), "--set", WORDS_ONLY);
  }

  /** One command line, the code it must exit with, and what it reads on stdin. */
  private record Row(int code, String stdin, String... args) {
    static Row of(int code, String... args) {
      return new Row(code, "", args);
    }

    @Override
    public String toString() {
      return String.join(" ", args);
    }
  }

  private static int run(Row row) {
    var cl = Main.commandLine();
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    CommandInput.set(cl, new ByteArrayInputStream(row.stdin().getBytes(StandardCharsets.UTF_8)));
    return cl.execute(row.args());
  }

  @Test
  void should_exit_as_documented_for_every_command_when_it_succeeds_or_fails() throws IOException {
    String w = words.toString();
    String fresh = tmp.resolve("fresh").toString();
    String missing = tmp.resolve("nowhere").toString();
    String file = Files.writeString(tmp.resolve("a-file.txt"), "not a folder").toString();
    List<Row> rows = List.of(
        Row.of(2),
        Row.of(0, "--help"),
        Row.of(0, "--version"),
        Row.of(2, "frobnicate"),
        Row.of(0, "help", "ask"),
        Row.of(2, "help", "frobnicate"),

        Row.of(0, "index", "--articles", SEEDS.toString(), "--data", fresh, "--set", WORDS_ONLY),
        Row.of(0, "index", "--help"),
        Row.of(2, "index", "--articles", missing, "--data", fresh),
        Row.of(2, "index", "--data", file),
        Row.of(2, "index", "--set", "newsdesk.retrieval.top-k=0"),
        Row.of(2, "index", "--set", "newsdesk.retrieval.topk=3"),
        Row.of(2, "index", "--frobnicate"),

        Row.of(0, "search", "--data", w, "--set", WORDS_ONLY, "tram"),
        new Row(0, "tram\nflood\n", "search", "--data", w, "--set", WORDS_ONLY),
        Row.of(1, "search", "--data", w, "tram"),
        Row.of(2, "search", "--data", w, "--top", "0", "tram"),
        Row.of(2, "search", "--data", w, "tram", "flood"),
        Row.of(2, "search", "--data", fresh + "-search", "--articles", missing, "tram"),

        Row.of(0, "ask", "--data", w, "--set", WORDS_ONLY, "Who is the US ambassador to Russia?"),
        new Row(0, "Who is the US ambassador to Russia?\n", "ask", "--data", w, "--set", WORDS_ONLY),
        Row.of(1, "ask", "--data", w, "Who is the US ambassador to Russia?"),
        Row.of(2, "ask", "--data", w, "--set", WORDS_ONLY, " "),
        Row.of(2, "ask", "--data", w, "--mode", "magic", "Who?"),
        Row.of(2, "ask", "--data", fresh + "-ask", "--articles", missing, "Who?"),

        new Row(0, "Who is the US ambassador to Russia?\n/quit\n", "chat", "--data", w, "--set", WORDS_ONLY),
        Row.of(1, "chat", "--data", w),
        Row.of(2, "chat", "--data", w, "hello"),
        Row.of(2, "chat", "--data", fresh + "-chat", "--articles", missing),

        Row.of(2, "serve", "--data", fresh + "-serve", "--set", "newsdesk.telegram.questions-per-minute=0"),
        Row.of(2, "review", "--data", missing),
        Row.of(2, "review", "--data", w, "--port", "-1"));

    SoftAssertions softly = new SoftAssertions();
    for (Row row : rows) softly.assertThat(run(row)).as(row.toString()).isEqualTo(row.code());
    softly.assertAll();
  }

  @Test
  void should_exit_1_when_another_reindex_holds_the_index() throws IOException {
    NewsdeskConfig config = NewsdeskConfig.load(Map.of(), Map.of("newsdesk.data", words.toString()));
    try (Newsdesk app = Newsdesk.of(config); PassageIndexWriter held = app.index().writer()) {
      var cl = Main.commandLine();
      StringWriter err = new StringWriter();
      cl.setOut(new PrintWriter(new StringWriter(), true));
      cl.setErr(new PrintWriter(err, true));

      int code = cl.execute("index", "--articles", SEEDS.toString(), "--data", words.toString(), "--set", WORDS_ONLY);

      assertThat(code).isEqualTo(1);
      assertThat(err.toString()).isEqualTo("newsdesk: another reindex is running on " + words.resolve("index")
          + "; try again when it has finished" + System.lineSeparator());
    }
  }

  @Test
  void should_exit_2_when_serve_has_no_token_or_a_wrong_one_and_1_when_telegram_cannot_be_reached() {
    String token = "123456789:TESTtokenForTheExitCodeTest_abcdef";
    try (BotApiStandIn telegram = new BotApiStandIn(token)) {
      List<String> base = List.of("serve", "--data", words.toString(), "--set", WORDS_ONLY);
      SoftAssertions softly = new SoftAssertions();

      softly.assertThat(CliProcess.run(tmp, Map.of(), base.toArray(String[]::new)).exitCode())
          .as("no token").isEqualTo(2);
      softly.assertThat(CliProcess.run(tmp, Map.of("TELEGRAM_BOT_TOKEN", "123456789:TESTsomeoneElsesToken_abcdefgh",
          "TELEGRAM_API_URL", telegram.url().toString()), base.toArray(String[]::new)).exitCode())
          .as("a token the Bot API refuses").isEqualTo(2);
      softly.assertThat(CliProcess.run(tmp, Map.of("TELEGRAM_BOT_TOKEN", token, "TELEGRAM_API_URL",
          "http://127.0.0.1:" + CliProcess.closedPort()), base.toArray(String[]::new)).exitCode())
          .as("no Bot API server").isEqualTo(1);
      softly.assertAll();
    }
  }

  @Test
  void should_exit_2_when_review_has_no_password_or_a_short_one_and_1_when_its_port_is_taken() throws Exception {
    Path data = tmp.resolve("data");
    new org.newsdesk.bot.log.LogDatabase(NewsdeskConfig.load(Map.of(), Map.of("newsdesk.data", data.toString())).log())
        .migrate();
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      List<String> base = new ArrayList<>(List.of("review", "--data", data.toString()));
      SoftAssertions softly = new SoftAssertions();

      softly.assertThat(CliProcess.run(tmp, Map.of(), base.toArray(String[]::new)).exitCode())
          .as("no password").isEqualTo(2);
      softly.assertThat(CliProcess.run(tmp, Map.of("NEWSDESK_REVIEW_PASSWORD", "short"), base.toArray(String[]::new))
          .exitCode()).as("a short password").isEqualTo(2);
      base.addAll(List.of("--port", Integer.toString(taken.getLocalPort())));
      softly.assertThat(CliProcess.run(tmp, Map.of("NEWSDESK_REVIEW_PASSWORD", "a-long-enough-password"),
          base.toArray(String[]::new)).exitCode()).as("a port in use").isEqualTo(1);
      softly.assertAll();
    }
  }
}

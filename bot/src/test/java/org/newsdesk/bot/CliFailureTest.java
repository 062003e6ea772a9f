package org.newsdesk.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.testkit.BotApiStandIn;

/**
 * Ordinary failures as a user meets them, through the real command line in its own JVM: one line
 * that says what happened on the terminal, the stack trace once in the log file, no secret in either.
 */
class CliFailureTest {
  static final String API_KEY = "sk-proj-EchoedKeyForTheCliTest0123456789abcdef";
  static final String DB_PASSWORD = "db-pass-Quoll-5521";
  static final String REVIEW_PASSWORD = "review-pass-Dingo-7734";
  static final String TOKEN = "123456789:TESTtokenForTheStandInOnly_abcdef";
  static final String QUESTION = "When will the Riverside tram open?";
  static final String TIME = "\\d\\d:\\d\\d:\\d\\d\\.\\d{3}";

  @TempDir Path dir;

  private Path data() {
    return dir.resolve("data");
  }

  private String indexingLine() {
    return "newsdesk: no index yet, indexing " + CliProcess.SAMPLES + " first...";
  }

  private String indexedLine() {
    return "newsdesk: " + CliProcess.SAMPLES + ": 5 indexed, 0 unchanged, 0 deleted, 0 rejected";
  }

  private String logFileName() {
    return Pattern.quote(data().resolve("logs").toAbsolutePath().toString()) + "/newsdesk-\\d{4}-\\d\\d-\\d\\d\\.log";
  }

  private static int count(String text, String part) {
    Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
    int n = 0;
    while (m.find()) n++;
    return n;
  }

  @Test
  void should_answer_from_the_articles_with_one_warning_line_when_no_model_server_listens() {
    int port = CliProcess.closedPort();

    CliProcess.Result r = CliProcess.run(dir, Map.of("NEWSDESK_LLM_BASE_URL", "http://127.0.0.1:" + port + "/v1"),
        "ask", "--data", data().toString(), "--articles", CliProcess.SAMPLES.toString(), "--mode", "openai", QUESTION);

    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).contains("(The language model could not be reached; this answer quotes the articles directly.)");
    assertThat(r.stderrLines()).hasSize(3);
    assertThat(r.stderrLines().get(0)).isEqualTo(indexingLine());
    assertThat(r.stderrLines().get(1)).isEqualTo(indexedLine());
    assertThat(r.stderrLines().get(2))
        .matches(TIME + " WARN  o\\.n\\.r\\.a\\.DefaultAnswerer language model failed conversation=ask \\(.*ConnectException.*\\)");
    String logged = CliProcess.logFile(data());
    assertThat(count(logged, "language model failed conversation=ask")).isEqualTo(1);
    assertThat(logged).contains("\tat dev.langchain4j.");
  }

  @Test
  void should_never_print_the_api_key_when_the_model_server_echoes_it_in_its_error() throws Exception {
    try (MockWebServer model = new MockWebServer()) {
      model.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          return new MockResponse().setResponseCode(401).setHeader("Content-Type", "application/json")
              .setBody("{\"error\":{\"message\":\"Incorrect API key provided. You sent Authorization: "
                  + request.getHeader("Authorization") + "\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}");
        }
      });
      model.start(InetAddress.getLoopbackAddress(), 0);

      CliProcess.Result r = CliProcess.run(dir, Map.of("NEWSDESK_LLM_BASE_URL", model.url("/v1").toString(),
          "NEWSDESK_LLM_API_KEY", API_KEY), "ask", "--data", data().toString(), "--articles",
          CliProcess.SAMPLES.toString(), "--mode", "openai", QUESTION);

      assertThat(model.takeRequest().getHeader("Authorization")).isEqualTo("Bearer " + API_KEY);
      assertThat(r.exitCode()).isZero();
      assertThat(r.stdout() + r.stderr()).doesNotContain(API_KEY).doesNotContain("EchoedKeyForTheCliTest");
      assertThat(r.stderrLines()).hasSize(3);
      assertThat(r.stderrLines().get(2)).matches(TIME + " WARN  o\\.n\\.r\\.a\\.DefaultAnswerer language model failed "
          + "conversation=ask \\(.*You sent Authorization: Bearer \\*\\*\\*.*\\)");
      String logged = CliProcess.logFile(data());
      assertThat(logged).doesNotContain("EchoedKeyForTheCliTest").contains("You sent Authorization: Bearer ***");
    }
  }

  @Test
  void should_say_in_one_line_that_the_database_refused_when_review_starts_with_postgresql_down() {
    int port = CliProcess.closedPort();
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/newsdesk";

    CliProcess.Result r = CliProcess.run(dir, Map.of("NEWSDESK_REVIEW_PASSWORD", REVIEW_PASSWORD,
        "NEWSDESK_LOG_PASSWORD", DB_PASSWORD), "review", "--data", data().toString(), "--port", "0",
        "--set", "newsdesk.log.jdbc-url=" + url, "--set", "newsdesk.log.user=newsdesk");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderrLines()).singleElement().asString().matches(Pattern.quote("newsdesk: cannot migrate the answer log at "
        + url + ": Connection refused (details in ") + logFileName() + "\\)");
    String logged = CliProcess.logFile(data());
    assertThat(count(logged, "java.lang.IllegalStateException: cannot migrate the answer log at " + url)).isEqualTo(1);
    assertThat(logged).contains(" DEBUG ", "Caused by: java.net.ConnectException: Connection refused")
        .doesNotContain(DB_PASSWORD, REVIEW_PASSWORD);
  }

  @Test
  void should_say_in_one_line_that_the_database_refused_when_serve_starts_with_postgresql_down() {
    int port = CliProcess.closedPort();
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/newsdesk";
    try (BotApiStandIn telegram = new BotApiStandIn(TOKEN)) {
      CliProcess.Result r = CliProcess.run(dir, Map.of("TELEGRAM_BOT_TOKEN", TOKEN,
          "TELEGRAM_API_URL", telegram.url().toString(), "NEWSDESK_LOG_PASSWORD", DB_PASSWORD), "serve",
          "--data", data().toString(), "--articles", CliProcess.SAMPLES.toString(),
          "--set", "newsdesk.log.jdbc-url=" + url, "--set", "newsdesk.log.user=newsdesk");

      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.stderrLines()).hasSize(3);
      assertThat(r.stderrLines().get(0)).isEqualTo(indexingLine());
      assertThat(r.stderrLines().get(1)).isEqualTo(indexedLine());
      assertThat(r.stderrLines().get(2)).matches(Pattern.quote("newsdesk: cannot migrate the answer log at "
          + url + ": Connection refused (details in ") + logFileName() + "\\)");
      String logged = CliProcess.logFile(data());
      assertThat(count(logged, "java.lang.IllegalStateException: cannot migrate the answer log at " + url)).isEqualTo(1);
      assertThat(logged).doesNotContain(DB_PASSWORD).doesNotContain("TESTtokenForTheStandInOnly");
    }
  }

  @Test
  void should_say_in_one_line_naming_the_url_and_never_the_password_when_opensearch_is_down() {
    int port = CliProcess.closedPort();
    String url = "http://127.0.0.1:" + port;

    CliProcess.Result r = CliProcess.run(dir, Map.of("NEWSDESK_OPENSEARCH_USER", "newsdesk",
        "NEWSDESK_OPENSEARCH_PASSWORD", DB_PASSWORD), "index", "--data", data().toString(),
        "--articles", CliProcess.SAMPLES.toString(), "--set", "newsdesk.index.backend=opensearch",
        "--set", "newsdesk.index.opensearch.url=" + url);

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderrLines()).singleElement().asString().matches(Pattern.quote("newsdesk: the passage index at "
        + url + " (index newsdesk-passages) is unavailable: Connect to " + url + " [/127.0.0.1] failed: Connection refused"
        + " (details in ") + logFileName() + "\\)");
    assertThat(CliProcess.logFile(data())).contains("IndexUnavailableException").doesNotContain(DB_PASSWORD);
  }
}

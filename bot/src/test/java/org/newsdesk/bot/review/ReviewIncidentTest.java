package org.newsdesk.bot.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.bot.log.LogDatabase;
import org.newsdesk.bot.log.TestDatabases;
import org.newsdesk.config.ReviewConfig;
import org.newsdesk.config.Secret;

/** The review page names a failure's incident in the same format as the bot does. */
class ReviewIncidentTest {
  private static final String PASSWORD = "correct horse battery";
  @TempDir Path dir;

  @Test
  void should_name_the_incident_as_eight_hex_digits_when_the_answer_log_fails() throws Exception {
    LogDatabase db = TestDatabases.SQLITE.create(dir);
    ReviewConfig config = new ReviewConfig("127.0.0.1", 0, Duration.ofMinutes(30), Optional.of(new Secret(PASSWORD)));
    try (ReviewServer server = new ReviewServer(db, config, new Secret(PASSWORD), new TestClock("2025-03-12T12:00:00Z"),
        QuestionGrouping.byWords())
        .start("127.0.0.1", 0)) {
      HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
      HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/login"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("name=ana&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)))
          .build(), HttpResponse.BodyHandlers.ofString());
      String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
      try (Connection c = db.open()) {
        c.createStatement().executeUpdate("ALTER TABLE answers RENAME TO answers_gone"); // the queue can no longer be read
      }

      HttpResponse<String> queue = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
          .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());

      assertThat(queue.statusCode()).isEqualTo(500);
      assertThat(queue.body()).containsPattern("\\(incident [0-9a-f]{8}\\)");
    }
  }
}

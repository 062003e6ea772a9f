package org.newsdesk.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.testkit.BotApiStandIn;

/** {@code newsdesk serve} as a maintainer runs it, against a Bot API stand-in. */
class ServeProcessTest {
  private static final String TOKEN = "123456789:TESTtokenForTheServeProcessTest_ab";

  @TempDir Path dir;

  @Test
  void should_check_the_token_once_and_answer_over_the_samples_when_started_on_a_fresh_data_folder() throws Exception {
    try (BotApiStandIn telegram = new BotApiStandIn(TOKEN);
         CliProcess.Running serve = CliProcess.start(dir, Map.of("TELEGRAM_BOT_TOKEN", TOKEN,
             "TELEGRAM_API_URL", telegram.url().toString()), "serve", "--data", dir.resolve("data").toString(),
             "--articles", CliProcess.SAMPLES.toString())) {
      serve.awaitStderr("is answering questions", 90);

      telegram.text(1, "private", 42, "When will the Riverside tram open?");
      telegram.await(t -> !t.messages(1).isEmpty(), Duration.ofSeconds(30));

      assertThat(telegram.calls("getMe")).hasSize(1);
      assertThat(telegram.messages(1).get(0).text()).contains("tram");
      assertThat(serve.stderrSoFar().lines().filter(l -> l.contains("is answering")).toList()).singleElement().asString()
          .matches(java.util.regex.Pattern.quote("newsdesk: @" + BotApiStandIn.BOT_USERNAME + " is answering questions"
              + " about 6 articles (2023-03-14 to 2025-06-02); log level WARN, log file "
              + dir.resolve("data/logs").toAbsolutePath() + "/newsdesk-") + "\\d{4}-\\d\\d-\\d\\d\\.log; Ctrl-C stops it");
    }
  }
}

package org.newsdesk.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.bot.CliProcess;
import org.newsdesk.bot.telegram.Library;
import org.newsdesk.config.LogLevel;

class ServeCommandTest {
  @TempDir Path dir;

  @Test
  void should_say_who_answers_over_which_articles_and_where_the_log_goes_when_the_bot_starts() {
    Library.SourcesInfo samples = new Library.SourcesInfo(6, Optional.of(LocalDate.of(2023, 3, 14)),
        Optional.of(LocalDate.of(2025, 6, 2)), Optional.empty());
    Library.SourcesInfo one = new Library.SourcesInfo(1, Optional.empty(), Optional.empty(), Optional.empty());

    assertThat(ServeCommand.statusLine("kestrel_news_bot", samples, LogLevel.WARN,
        Optional.of(Path.of("/srv/newsdesk/data/logs/newsdesk-2026-01-05.log"))))
        .isEqualTo("newsdesk: @kestrel_news_bot is answering questions about 6 articles (2023-03-14 to 2025-06-02);"
            + " log level WARN, log file /srv/newsdesk/data/logs/newsdesk-2026-01-05.log; Ctrl-C stops it");
    assertThat(ServeCommand.statusLine("kestrel_news_bot", one, LogLevel.INFO, Optional.empty()))
        .isEqualTo("newsdesk: @kestrel_news_bot is answering questions about 1 article (undated);"
            + " log level INFO, no log file; Ctrl-C stops it");
  }

  @Test
  void should_stop_with_one_line_and_exit_2_when_the_token_is_missing() {
    CliProcess.Result r = CliProcess.run(dir, Map.of(), "serve", "--data", dir.resolve("data").toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).isEqualTo("newsdesk: TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather "
        + "and export its token, e.g. export TELEGRAM_BOT_TOKEN=..." + System.lineSeparator());
  }
}

package org.newsdesk.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.bot.logging.LogCapture;

/** A Bot API outage as the operator sees it in the terminal and in the log file. */
class PollingOutageTest {
  static final String TIME = "\\d\\d:\\d\\d:\\d\\d\\.\\d{3}";

  @TempDir Path dir;

  @Test
  void should_log_one_line_per_wait_and_no_stack_trace_when_get_updates_fails_for_a_while() throws Exception {
    try (LogCapture logs = LogCapture.under(dir); BotFixture f = new BotFixture(dir)) {
      f.start(new Fakes.ScriptedAnswerer(Fakes::bridgeAnswer));
      f.await(a -> !a.calls("getUpdates").isEmpty());
      f.api.failGetUpdates(6);
      f.await(a -> a.calls("getUpdates").stream().filter(c -> c.status() == 502).count() == 6);

      f.api.text(1, "private", BotFixture.READER, "When was the bridge approved?");
      f.await(a -> a.messages(1).size() == 1);
      f.stop();

      assertThat(f.api.messages(1).get(0).text()).isEqualTo(TelegramBotTest.BRIDGE_HTML);
      List<String> terminal = logs.terminal().lines().toList();
      assertThat(terminal).hasSize(6);
      for (int i = 0; i < 6; i++) {
        assertThat(terminal.get(i)).matches(TIME + " WARN  o\\.n\\.b\\.t\\.PollBackOff telegram polling failed, retrying"
            + " failures=" + (i + 1) + " waitMs=\\d+ reason=HTTP 502 Bad Gateway");
      }
      String logged = logs.file();
      assertThat(logged).doesNotContain("\tat ");
      assertThat(logged.lines().filter(l -> l.contains("telegram polling failed"))).hasSize(6);
      assertThat(logged.lines().filter(l -> l.contains(" INFO ") && l.endsWith("telegram polling recovered failures=6")))
          .hasSize(1);
    }
  }
}

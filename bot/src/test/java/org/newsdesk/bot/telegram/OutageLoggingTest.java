package org.newsdesk.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.bot.logging.LogCapture;

/** Outages as the operator sees them in the terminal and in the log file: one incident, not one per retry. */
class OutageLoggingTest {
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

  @Test
  void should_log_the_stack_trace_once_and_then_one_debug_line_per_run_when_a_chore_keeps_failing() throws Exception {
    try (LogCapture logs = LogCapture.under(dir); BotFixture f = new BotFixture(dir)) {
      f.start(new Fakes.ScriptedAnswerer(Fakes::bridgeAnswer));
      try (var c = f.database.open()) {
        c.createStatement().executeUpdate("ALTER TABLE pending_edits RENAME TO pending_edits_away"); // the database "fails"
      }
      awaitLines(logs, "chore failed again chore=carry out edits", 5);
      try (var c = f.database.open()) {
        c.createStatement().executeUpdate("ALTER TABLE pending_edits_away RENAME TO pending_edits");
      }
      awaitLines(logs, "chore recovered chore=carry out edits", 1);
      f.stop();

      assertThat(logs.terminal().lines().toList()).singleElement().asString()
          .matches(TIME + " ERROR o\\.n\\.b\\.t\\.TelegramBot chore failed chore=carry out edits \\(.*pending_edits.*\\)");
      String logged = logs.file();
      assertThat(logged.lines().filter(l -> l.contains(" ERROR ") && l.endsWith("chore failed chore=carry out edits")))
          .hasSize(1);
      assertThat(logged.lines().filter(l -> l.startsWith("org.sqlite.SQLiteException") || l.startsWith("Caused by: org.sqlite")))
          .hasSize(1);
      assertThat(logged.lines().filter(l -> l.contains(" DEBUG ") && l.contains("chore failed again chore=carry out edits")))
          .allSatisfy(l -> assertThat(l).contains(" error=").contains("pending_edits"));
    }
  }

  private static void awaitLines(LogCapture logs, String part, int atLeast) throws InterruptedException {
    long deadline = System.nanoTime() + BotFixture.WAIT.toNanos();
    while (logs.file().lines().filter(l -> l.contains(part)).count() < atLeast) {
      if (System.nanoTime() > deadline) throw new AssertionError("never logged " + atLeast + " x " + part);
      Thread.sleep(20);
    }
  }
}

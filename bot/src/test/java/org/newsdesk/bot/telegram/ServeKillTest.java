package org.newsdesk.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.newsdesk.bot.log.LogDatabase;
import org.newsdesk.bot.log.TestDatabases;
import org.newsdesk.bot.review.Moderation;
import org.newsdesk.config.LogConfig;
import org.newsdesk.testkit.BotApiStandIn;

/**
 * {@code kill -9} of a bot with twenty readers' replies in flight, then a restart: no reader gets
 * a message twice, the log holds the id of every message a reader got (and says which one it cannot
 * know: the message Telegram was handling when the process died), the questions of the dead
 * instance are taken over within seconds, and hiding an answer reaches every copy the log knows;
 * on SQLite and PostgreSQL.
 */
class ServeKillTest {
  private static final int READERS = 20;

  @TempDir Path dir;
  BotFixture f;

  @AfterEach
  void tearDown() {
    if (f != null) f.close();
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void should_send_no_message_twice_and_log_every_one_when_a_bot_is_killed_mid_reply(TestDatabases kind)
      throws Exception {
    LogConfig log = kind.config(dir);
    f = new BotFixture(new LogDatabase(log).migrate());
    f.api.delaySends(Duration.ofMillis(150));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ServeChild.class.getName(), f.api.url().toString(),
        log.jdbcUrl()));
    log.user().ifPresent(command::add);
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> output = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null && !line.equals("polling"); line = out.readLine()) output.add(line);
      for (int chat = 1; chat <= READERS; chat++) f.api.text(chat, "private", 1000 + chat, "question " + chat);
      f.api.await(a -> a.calls("sendMessage").size() >= READERS + 5, Duration.ofSeconds(30));
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no released claims
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child output: %s", output).isTrue();
    }
    Thread.sleep(200); // sends the child had made land now
    int sentByTheDead = f.api.messages().size();
    assertThat(sentByTheDead).as("killed mid-way").isBetween(READERS, 3 * READERS - 1);

    long restarted = System.nanoTime();
    f.start(new Fakes.ScriptedAnswerer(q -> {
      throw new AssertionError("a logged question is answered again: " + q);
    }));
    f.awaitQuery("SELECT COUNT(*) FROM answers WHERE state = 'sent'", Integer.toString(READERS));
    long tookOverMs = (System.nanoTime() - restarted) / 1_000_000;
    f.await(a -> f.bot.inFlight() == 0);

    Map<Integer, String> logged = loggedMessages();
    Set<String> unconfirmed = unconfirmedParts();
    assertThat(unconfirmed).as("messages were in flight at the kill").isNotEmpty();
    for (int chat = 1; chat <= READERS; chat++) {
      List<String> expected = ServeChild.paragraphs("question " + chat);
      List<String> held = f.api.messages(chat).stream().map(BotApiStandIn.SentMessage::text).toList();
      assertThat(held).as("chat %d holds no message twice", chat).doesNotHaveDuplicates();
      List<String> missing = new ArrayList<>(expected);
      missing.removeAll(held);
      assertThat(held).as("chat %d in order", chat).isEqualTo(expected.stream().filter(held::contains).toList());
      for (String part : missing) {
        assertThat(unconfirmed).as("a part chat %d never got is one the log marks unconfirmed", chat)
            .contains(chat + ":" + expected.indexOf(part));
      }
      for (BotApiStandIn.SentMessage m : f.api.messages(chat)) {
        if (logged.containsKey(m.messageId())) {
          assertThat(logged.get(m.messageId())).isEqualTo(chat + ":" + expected.indexOf(m.text()));
        } else {
          assertThat(unconfirmed).as("a message chat %d holds and the log has no id for", chat)
              .contains(chat + ":" + expected.indexOf(m.text()));
        }
      }
    }
    assertThat(f.api.messages().size()).as("messages sent after the restart").isGreaterThan(sentByTheDead);
    assertThat(tookOverMs).as("taken over within seconds, not after a stale-claim timeout").isLessThan(10_000);

    Moderation moderation = new Moderation(f.database, System::currentTimeMillis);
    for (long id : answerIds()) moderation.act(id, Moderation.Action.HIDE, "review:ana", null);
    f.awaitQuery("SELECT COUNT(*) FROM pending_edits WHERE done_at IS NULL", "0");
    for (BotApiStandIn.SentMessage m : f.api.messages()) {
      if (logged.containsKey(m.messageId())) assertThat(m.text()).isEqualTo(Moderation.HIDDEN_NOTICE);
    }
    assertThat(f.query("SELECT COUNT(*) FROM pending_edits WHERE error IS NOT NULL")).isEqualTo("0");
  }

  /** "chat:part" of every message id the log holds. */
  private Map<Integer, String> loggedMessages() throws Exception {
    Map<Integer, String> out = new HashMap<>();
    try (Connection c = f.database.open(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT message_id, chat_id, part FROM reply_messages WHERE message_id IS NOT NULL")) {
      while (rs.next()) out.put(rs.getInt(1), rs.getLong(2) + ":" + rs.getInt(3));
    }
    return out;
  }

  /** "chat:part" of every message that was being sent when the bot died. */
  private Set<String> unconfirmedParts() throws Exception {
    Set<String> out = new HashSet<>();
    try (Connection c = f.database.open(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT chat_id, part FROM reply_messages WHERE sending_at IS NOT NULL AND message_id IS NULL")) {
      while (rs.next()) out.add(rs.getLong(1) + ":" + rs.getInt(2));
    }
    return out;
  }

  private List<Long> answerIds() throws Exception {
    List<Long> ids = new ArrayList<>();
    try (Connection c = f.database.open(); ResultSet rs = c.createStatement().executeQuery("SELECT id FROM answers")) {
      while (rs.next()) ids.add(rs.getLong(1));
    }
    return ids;
  }
}

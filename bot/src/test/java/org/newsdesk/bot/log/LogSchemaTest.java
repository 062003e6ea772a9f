package org.newsdesk.bot.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The migrations on both databases, and the guarantee that makes answering exactly once possible. */
class LogSchemaTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void should_migrate_again_without_change_when_already_current(TestDatabases kind) throws Exception {
    LogDatabase db = kind.create(dir);

    db.migrate();

    try (Connection c = db.open(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT version FROM flyway_schema_history WHERE success = " + (db.isPostgres() ? "true" : "1")
            + " ORDER BY installed_rank")) {
      List<String> versions = new ArrayList<>();
      while (rs.next()) versions.add(rs.getString(1));
      assertThat(versions).contains("1", "3").doesNotHaveDuplicates();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void should_keep_every_reply_message_id_as_a_row_when_migrating_a_log_of_comma_separated_ids(TestDatabases kind)
      throws Exception {
    LogDatabase db = kind.create(dir.resolve("v3"), MigrationVersion.fromVersion("3"));
    try (Connection c = db.open()) {
      c.createStatement().executeUpdate("INSERT INTO answers (id, update_id, chat_id, asked_at, question, state,"
          + " reply_message_ids) VALUES (1, 11, 42, 1, 'q1', 'sent', '77,78, 80'), (2, 12, 43, 1, 'q2', 'sent', '79'),"
          + " (3, 13, 44, 1, 'q3', 'failed', NULL), (4, 14, 45, 1, 'q4', 'sent', '')");
    }

    db.migrate();

    List<String> rows = new ArrayList<>();
    try (Connection c = db.open(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT answer_id, part, chat_id, message_id FROM reply_messages ORDER BY answer_id, part")) {
      while (rs.next()) rows.add(rs.getLong(1) + " " + rs.getInt(2) + " " + rs.getLong(3) + " " + rs.getLong(4));
    }
    assertThat(rows).containsExactly("1 0 42 77", "1 1 42 78", "1 2 42 80", "2 0 43 79");
    try (Connection c = db.open(); ResultSet rs = c.getMetaData().getColumns(null, null, "answers", null)) {
      List<String> columns = new ArrayList<>();
      while (rs.next()) columns.add(rs.getString("COLUMN_NAME"));
      assertThat(columns).contains("refusal").doesNotContain("reply_message_ids");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void should_let_exactly_one_of_two_instances_log_each_update_when_both_receive_it(TestDatabases kind)
      throws Exception {
    LogDatabase db = kind.create(dir);
    int updates = 200;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Set<Long>>> instances = new ArrayList<>();
    for (int instance = 0; instance < 2; instance++) {
      // Both see updates in Telegram's order (ascending ids), so row locks are taken in one order;
      // their transactions span different batches.
      int batch = instance == 0 ? 10 : 7;
      String name = instance == 0 ? "a" : "b";
      instances.add(pool.submit(() -> {
        Set<Long> won = new HashSet<>();
        go.await();
        try (Connection c = db.open()) {
          c.setAutoCommit(false);
          try (PreparedStatement ps = c.prepareStatement("INSERT INTO answers (update_id, asked_at, question, state,"
              + " claimed_by) VALUES (?, 1, 'q', 'received', ?) ON CONFLICT (update_id) DO NOTHING")) {
            for (int i = 0; i < updates; i++) {
              long update = i + 1;
              ps.setLong(1, update);
              ps.setString(2, name);
              if (ps.executeUpdate() == 1) won.add(update);
              if (i % batch == batch - 1) c.commit();
            }
            c.commit();
          }
        }
        return won;
      }));
    }
    go.countDown();
    Set<Long> a = instances.get(0).get(60, TimeUnit.SECONDS);
    Set<Long> b = instances.get(1).get(60, TimeUnit.SECONDS);
    pool.shutdown();

    Set<Long> both = new HashSet<>(a);
    both.retainAll(b);
    assertThat(both).isEmpty();
    assertThat(a.size() + b.size()).isEqualTo(updates);
    try (Connection c = db.open(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT COUNT(*), COUNT(DISTINCT update_id) FROM answers")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(updates);
      assertThat(rs.getLong(2)).isEqualTo(updates);
    }
  }
}

package org.newsdesk.bot.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.config.LogConfig;

class LogDatabaseTest {
  @TempDir Path dir;

  @Test
  void should_create_schema_in_wal_mode_when_migrating_a_new_sqlite_file() throws Exception {
    LogDatabase db = new LogDatabase(new LogConfig("jdbc:sqlite:" + dir.resolve("sub/answers.db"),
        Optional.empty(), Optional.empty())).migrate();

    try (Connection c = db.open(); ResultSet rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("wal");
      try (ResultSet busy = c.createStatement().executeQuery("PRAGMA busy_timeout")) {
        busy.next();
        assertThat(busy.getInt(1)).as("waits for a lock instead of failing").isEqualTo(10_000);
      }
      c.createStatement().executeUpdate(
          "INSERT INTO answers (update_id, asked_at, question, state) VALUES (7, 1, 'q', 'received')");
      try (ResultSet ids = c.createStatement().executeQuery("SELECT id FROM answers WHERE update_id = 7")) {
        assertThat(ids.next()).isTrue();
        assertThat(ids.getLong(1)).isPositive();
      }
    }
    // A second migrate on the same file is a no-op, not a failure.
    db.migrate();
  }
}

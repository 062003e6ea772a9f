package org.newsdesk.bot.log;

import java.nio.file.Path;
import java.util.Optional;
import org.flywaydb.core.api.MigrationVersion;
import org.newsdesk.config.LogConfig;

/**
 * The answer-log databases every log test runs against: use with
 * {@code @ParameterizedTest @EnumSource(TestDatabases.class)}. PostgreSQL is a real server
 * ({@link PostgresServer}); a test without one fails with a message saying how to get it.
 */
public enum TestDatabases {
  SQLITE, POSTGRESQL;

  /** A new, empty, migrated answer log; {@code dir} holds the SQLite file. */
  public LogDatabase create(Path dir) {
    return create(dir, MigrationVersion.LATEST);
  }

  /** A new answer log migrated up to {@code version} only, to test the migrations after it. */
  LogDatabase create(Path dir, MigrationVersion version) {
    return new LogDatabase(config(dir)).migrate(version);
  }

  /** Where a new, empty answer log is, not yet migrated: for a process of its own to open. */
  public LogConfig config(Path dir) {
    return this == SQLITE
        ? new LogConfig("jdbc:sqlite:" + dir.resolve("answers.db"), Optional.empty(), Optional.empty())
        : PostgresServer.get().newDatabase();
  }
}

package org.newsdesk.config;

import java.nio.file.Path;
import java.util.Optional;

/** Where the answer log lives: SQLite in the data folder, or a JDBC URL (PostgreSQL). */
public record LogConfig(String jdbcUrl, Optional<String> user, Optional<Secret> password) {
  public static final String PASSWORD_ENV = SecretVariable.NEWSDESK_LOG_PASSWORD.name();

  public static LogConfig from(Settings s, Path dataDir) {
    String url = s.optionalString("newsdesk.log.jdbc-url")
        .orElse("jdbc:sqlite:" + dataDir.resolve("answers.db").toAbsolutePath());
    if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
      throw Settings.bad("newsdesk.log.jdbc-url", url, "must be a jdbc:sqlite: or jdbc:postgresql: URL");
    }
    return new LogConfig(url, s.optionalString("newsdesk.log.user"), s.secret(SecretVariable.NEWSDESK_LOG_PASSWORD));
  }

  public boolean isPostgres() {
    return jdbcUrl.startsWith("jdbc:postgresql:");
  }
}

package org.newsdesk.config;

/**
 * How much of the application's log reaches the terminal ({@code newsdesk.log.level}, or
 * {@code NEWSDESK_LOG_LEVEL} as for every setting): failures only, warnings too (the default), every
 * answer, or everything. The log file keeps DEBUG whatever the level.
 */
public enum LogLevel {
  ERROR, WARN, INFO, DEBUG;

  public static final String KEY = "newsdesk.log.level";

  public static LogLevel from(Settings s) {
    return s.enumValue(KEY, LogLevel.class);
  }
}

package org.newsdesk.config;

import java.time.Duration;

/** How answers are composed and how much conversation is remembered. */
public record AnswerConfig(AnswerMode mode, int maxSentences, double minSupport, int memoryTurns,
                           Duration memoryIdle) {
  public static AnswerConfig from(Settings s) {
    return new AnswerConfig(
        s.enumValue("newsdesk.answer.mode", AnswerMode.class),
        s.integer("newsdesk.answer.max-sentences", 1, 10),
        s.decimal("newsdesk.answer.min-support", 0.0, 1.0),
        s.integer("newsdesk.answer.memory-turns", 0, 50),
        Duration.ofMinutes(s.integer("newsdesk.answer.memory-idle-minutes", 1, 7 * 24 * 60)));
  }

  public static AnswerConfig defaults() {
    return from(Settings.defaultsOnly());
  }
}

package org.newsdesk.config;

import java.time.Duration;

/**
 * How answers are composed and how much conversation is remembered. A sentence answers when its
 * words support it ({@code minSupport}, the weighted share of the question's terms it holds) or,
 * with dense retrieval on, when its meaning is close enough to the question's ({@code minMeaning},
 * the cosine of their vectors). With {@code sentenceVectors}, the vectors of the sentences the reader
 * weighs by meaning are made while indexing and kept beside the index, so an answer embeds only the
 * question.
 */
public record AnswerConfig(AnswerMode mode, int maxSentences, double minSupport, double minMeaning, int memoryTurns,
                           Duration memoryIdle, boolean sentenceVectors) {
  public static AnswerConfig from(Settings s) {
    return new AnswerConfig(
        s.enumValue("newsdesk.answer.mode", AnswerMode.class),
        s.integer("newsdesk.answer.max-sentences", 1, 10),
        s.decimal("newsdesk.answer.min-support", 0.0, 1.0),
        s.decimal("newsdesk.answer.min-meaning", 0.0, 1.0),
        s.integer("newsdesk.answer.memory-turns", 0, 50),
        Duration.ofMinutes(s.integer("newsdesk.answer.memory-idle-minutes", 1, 7 * 24 * 60)),
        s.bool("newsdesk.answer.sentence-vectors"));
  }

  public static AnswerConfig defaults() {
    return from(Settings.defaultsOnly());
  }
}

package org.newsdesk.config;

import java.time.Duration;

/**
 * How answers are composed and how much conversation is remembered. A sentence answers when its
 * words support it ({@code minSupport}, the weighted share of the question's terms it holds) or,
 * with dense retrieval on, when its meaning is close enough to the question's ({@code minMeaning},
 * the cosine of their vectors). With {@code sentenceVectors}, the vectors of the sentences the reader
 * weighs by meaning are made while indexing and kept beside the index, so an answer embeds only the
 * question. The reader favours the sentences of articles published near the day of asking as search
 * favours their passages, by {@code recencyWeight}, fading over the {@code recencyDays} of search
 * ({@link HybridConfig#recencyDays()}); a weight of 0 leaves dates out of the reader's choice.
 */
public record AnswerConfig(AnswerMode mode, int maxSentences, double minSupport, double minMeaning, int memoryTurns,
                           Duration memoryIdle, boolean sentenceVectors, double recencyWeight, int recencyDays) {
  public static AnswerConfig from(Settings s) {
    return new AnswerConfig(
        s.enumValue("newsdesk.answer.mode", AnswerMode.class),
        s.integer("newsdesk.answer.max-sentences", 1, 10),
        s.decimal("newsdesk.answer.min-support", 0.0, 1.0),
        s.decimal("newsdesk.answer.min-meaning", 0.0, 1.0),
        s.integer("newsdesk.answer.memory-turns", 0, 50),
        Duration.ofMinutes(s.integer("newsdesk.answer.memory-idle-minutes", 1, 7 * 24 * 60)),
        s.bool("newsdesk.answer.sentence-vectors"),
        s.decimal("newsdesk.answer.recency-weight", 0.0, 10.0),
        HybridConfig.from(s).recencyDays());
  }

  /** The same, composed in {@code other} mode. */
  public AnswerConfig withMode(AnswerMode other) {
    return new AnswerConfig(other, maxSentences, minSupport, minMeaning, memoryTurns, memoryIdle, sentenceVectors,
        recencyWeight, recencyDays);
  }

  public static AnswerConfig defaults() {
    return from(Settings.defaultsOnly());
  }
}

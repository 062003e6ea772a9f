package org.newsdesk.bot.review;

import java.util.Objects;
import java.util.Optional;

/**
 * How the insights page groups the questions the articles could not answer: by meaning, with the
 * vectors the bot stored from the embedding model named {@code model} when it answered, or, with
 * dense retrieval off (no model), by their exact words. One page view groups at most
 * {@code maxQuestions} questions, the newest of its range, so it stays quick whatever the range
 * (the page says when it held more).
 */
public record QuestionGrouping(Optional<String> model, int maxQuestions) {
  /**
   * Questions grouped per page view. Measured on the 2-core build machine under load (load average
   * 7–9): 2,000 distinct phrasings grouped in 0.3–0.65 s, and the whole insights page over 2,000
   * not-found questions on SQLite in 0.14–0.49 s.
   */
  public static final int MAX_QUESTIONS = 2_000;

  public QuestionGrouping {
    Objects.requireNonNull(model, "model");
    if (maxQuestions < 1) throw new IllegalArgumentException("maxQuestions must be >= 1, got " + maxQuestions);
  }

  /** By meaning, with the vectors of the embedding model named {@code model}. */
  public static QuestionGrouping byMeaning(String model) {
    return new QuestionGrouping(Optional.of(model), MAX_QUESTIONS);
  }

  /** By exact (normalised) words: dense retrieval is off, so the log holds no vectors. */
  public static QuestionGrouping byWords() {
    return new QuestionGrouping(Optional.empty(), MAX_QUESTIONS);
  }
}

package org.newsdesk.bot.review;

import java.time.LocalDate;
import java.util.List;

/** What readers asked over a range of days, and what the articles could not answer. */
public record InsightsReport(LocalDate from, LocalDate to, List<Day> days, long questions, long answered,
                             long notFound, long thumbsUp, long thumbsDown, List<Unanswered> unanswered,
                             Grouping grouping) {
  public InsightsReport {
    days = List.copyOf(days);
    unanswered = List.copyOf(unanswered);
  }

  /**
   * One UTC day's questions: how many, answered, not found, failed, refused (asked too fast or too
   * long), and the votes they received. Every day of the range is present, quiet ones with zeros.
   */
  public record Day(LocalDate date, long questions, long answered, long notFound, long failed, long refused,
                    long thumbsUp, long thumbsDown) {}

  /**
   * One need the articles could not meet: the phrasing readers used most (as one of them put it),
   * how many questions asked for it, and up to three other phrasings, most asked first.
   */
  public record Unanswered(String question, long count, List<String> otherPhrasings) {
    public Unanswered {
      otherPhrasings = List.copyOf(otherPhrasings);
    }
  }

  /**
   * How the unanswered questions were grouped: by meaning with the vectors of {@code model}, or by
   * their words when it is empty (dense retrieval off). {@code grouped}: how many questions, the
   * newest of the range; {@code capped}: the range held more than that; {@code byWords}: of those
   * grouped by meaning, how many had no vector of the model and were grouped by their words.
   */
  public record Grouping(String model, long grouped, boolean capped, long byWords) {
    public boolean byMeaning() {
      return !model.isEmpty();
    }
  }
}

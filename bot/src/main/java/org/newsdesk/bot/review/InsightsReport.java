package org.newsdesk.bot.review;

import java.time.LocalDate;
import java.util.List;

/** What readers asked over a range of days, and what the articles could not answer. */
public record InsightsReport(LocalDate from, LocalDate to, List<Day> days, long questions, long answered,
                             long notFound, long thumbsUp, long thumbsDown, List<Unanswered> unanswered) {
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

  /** A question (normalised) the articles could not answer, how often, and one way a reader put it. */
  public record Unanswered(String normalized, String example, long count) {}
}

package org.newsdesk.retrieval.search;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * How much more the news of the days around a question counts, for search and for the reader alike:
 * a score is multiplied by {@code (1 + weight e^(-d / days)) / (1 + weight)}, where d is the number
 * of days between the article's publication and the day of asking, before or after. An article of
 * that day keeps its score; an undated one counts as long past, keeping {@code 1 / (1 + weight)} of
 * it. A weight of 0 leaves every score as it is.
 *
 * @param weight how much more an article of the day of asking counts than a long-past one; at least 0
 * @param days the days apart at which the favour has faded to 1/e of itself; at least 1
 */
public record RecencyFavour(double weight, int days) {
  /** No favour: dates play no part. */
  public static final RecencyFavour NONE = new RecencyFavour(0, 1);

  public RecencyFavour {
    if (!(weight >= 0)) throw new IllegalArgumentException("recency weight must be >= 0, got " + weight);
    if (days < 1) throw new IllegalArgumentException("recency days must be >= 1, got " + days);
  }

  /** The factor of the class comment for an article published on {@code published}, asked about on {@code askedOn}. */
  public double factor(Optional<LocalDate> published, LocalDate askedOn) {
    if (weight == 0) return 1;
    double near = published.map(day -> Math.exp(-Math.abs(ChronoUnit.DAYS.between(day, askedOn)) / (double) days))
        .orElse(0.0);
    return (1 + weight * near) / (1 + weight);
  }
}

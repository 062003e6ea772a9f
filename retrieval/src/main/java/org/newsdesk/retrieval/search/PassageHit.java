package org.newsdesk.retrieval.search;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A passage a ranking found, before its text is read: its {@link org.newsdesk.retrieval.Passage#key()},
 * its article's publication day and its score (higher is better; comparable only within one ranking).
 * All that fusing two rankings and favouring recent news need, so only the passages a search returns
 * are read from the index.
 */
public record PassageHit(String key, Optional<LocalDate> published, float score) {
  public PassageHit {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(published, "published");
  }

  /** The same passage with another score. */
  public PassageHit withScore(float newScore) {
    return new PassageHit(key, published, newScore);
  }
}

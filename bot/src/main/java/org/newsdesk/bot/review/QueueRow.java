package org.newsdesk.bot.review;

import java.time.Instant;
import java.util.Optional;

/** One answer as the queue lists it. {@code answered} is empty while no answer was written. */
public record QueueRow(long id, Instant askedAt, String chatType, String question, Optional<Boolean> answered,
                       String mode, String state, int unsupported, int thumbsUp, int thumbsDown,
                       boolean flagged, boolean hidden, boolean approved) {

  /** "answered", "not found" or the processing state (received, failed) as the queue shows it. */
  public String outcome() {
    return answered.map(a -> a ? "answered" : "not found").orElse(state);
  }
}

package org.newsdesk.bot.log;

import java.util.Objects;

/**
 * A question the bot does not answer, logged with the reason (state {@code refused}) so that
 * moderators see it: asked too fast, too long.
 */
public record Refusal(Question question, String reason) implements Arrival {
  public Refusal {
    Objects.requireNonNull(question, "question");
    if (reason == null || reason.isBlank()) throw new IllegalArgumentException("a refusal needs a reason");
  }

  @Override
  public long updateId() {
    return question.updateId();
  }
}

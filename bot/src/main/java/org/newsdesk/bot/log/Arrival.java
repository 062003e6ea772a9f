package org.newsdesk.bot.log;

/**
 * An update that reached the bot and is logged before the next {@code getUpdates} confirms it,
 * so that one delivered again after a crash is recognised: a {@link Question} to answer, a
 * {@link Refusal} (a question the bot will not answer), or any other {@link HandledUpdate}.
 */
public sealed interface Arrival permits Question, Refusal, HandledUpdate {
  /** Telegram's update id, unique per bot. */
  long updateId();
}

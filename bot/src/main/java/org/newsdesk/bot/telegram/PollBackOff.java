package org.newsdesk.bot.telegram;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.telegram.telegrambots.longpolling.interfaces.BackOff;

/**
 * The wait after a failed {@code getUpdates}: doubling with jitter up to a cap, and never giving
 * up, so the poller recovers from any number of failures (the library's default stops after
 * fifteen minutes, which would end polling for good).
 */
final class PollBackOff implements BackOff {
  private final long initialMillis;
  private final long maxMillis;
  private long current;

  PollBackOff(Duration initial, Duration max) {
    this.initialMillis = Math.max(1, initial.toMillis());
    this.maxMillis = Math.max(initialMillis, max.toMillis());
    this.current = initialMillis;
  }

  @Override
  public synchronized void reset() {
    current = initialMillis;
  }

  @Override
  public synchronized long nextBackOffMillis() {
    long wait = current / 2 + ThreadLocalRandom.current().nextLong(current / 2 + 1);
    current = Math.min(maxMillis, current * 2);
    return wait;
  }
}

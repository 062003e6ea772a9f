package org.newsdesk.bot.telegram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * At most {@code perMinute} questions per user in any sliding minute. A refused user is told so
 * once: further questions are refused quietly until the user may ask again.
 */
final class RateLimiter {
  private static final long MINUTE = 60_000;

  /** What to do with a question. */
  enum Decision {
    ALLOW,
    /** Refuse, and tell the user to slow down. */
    REFUSE,
    /** Refuse without a word: the user was told already. */
    REFUSE_QUIETLY
  }

  private final int perMinute;
  private final Map<Long, Deque<Long>> recent = new HashMap<>();
  private final Map<Long, Long> toldUntil = new HashMap<>();

  RateLimiter(int perMinute) {
    if (perMinute < 1) throw new IllegalArgumentException("perMinute must be >= 1, got " + perMinute);
    this.perMinute = perMinute;
  }

  int perMinute() {
    return perMinute;
  }

  /** Whether the user may ask now; an allowed question counts against the minute. */
  synchronized Decision decide(long userId, long nowMillis) {
    if (recent.size() > 10_000) {
      recent.values().removeIf(d -> d.isEmpty() || d.peekLast() <= nowMillis - MINUTE);
      toldUntil.values().removeIf(until -> until <= nowMillis);
    }
    Deque<Long> times = recent.computeIfAbsent(userId, id -> new ArrayDeque<>());
    while (!times.isEmpty() && times.peekFirst() <= nowMillis - MINUTE) times.pollFirst();
    if (times.size() < perMinute) {
      times.addLast(nowMillis);
      toldUntil.remove(userId);
      return Decision.ALLOW;
    }
    Long told = toldUntil.get(userId);
    if (told != null && nowMillis < told) return Decision.REFUSE_QUIETLY;
    toldUntil.put(userId, times.peekFirst() + MINUTE);
    return Decision.REFUSE;
  }
}

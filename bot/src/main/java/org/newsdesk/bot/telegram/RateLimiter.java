package org.newsdesk.bot.telegram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** At most {@code perMinute} questions per user in any sliding minute. */
final class RateLimiter {
  private static final long MINUTE = 60_000;

  private final int perMinute;
  private final Map<Long, Deque<Long>> recent = new HashMap<>();

  RateLimiter(int perMinute) {
    if (perMinute < 1) throw new IllegalArgumentException("perMinute must be >= 1, got " + perMinute);
    this.perMinute = perMinute;
  }

  int perMinute() {
    return perMinute;
  }

  /** Whether the user may ask now; an allowed question counts against the minute. */
  synchronized boolean allow(long userId, long nowMillis) {
    if (recent.size() > 10_000) recent.values().removeIf(d -> d.isEmpty() || d.peekLast() <= nowMillis - MINUTE);
    Deque<Long> times = recent.computeIfAbsent(userId, id -> new ArrayDeque<>());
    while (!times.isEmpty() && times.peekFirst() <= nowMillis - MINUTE) times.pollFirst();
    if (times.size() >= perMinute) return false;
    times.addLast(nowMillis);
    return true;
  }
}

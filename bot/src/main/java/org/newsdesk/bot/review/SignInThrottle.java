package org.newsdesk.bot.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@code maxFailures} wrong passwords from one address within
 * {@code window}, that address may not sign in (even with the right password) until the oldest
 * of those failures is older than the window.
 */
final class SignInThrottle {
  private final int maxFailures;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  SignInThrottle(int maxFailures, Duration window, Clock clock) {
    if (maxFailures < 1) throw new IllegalArgumentException("maxFailures must be >= 1, got " + maxFailures);
    this.maxFailures = maxFailures;
    this.window = window;
    this.clock = clock;
  }

  /** How long {@code address} must wait before trying again; zero when it may try now. */
  Duration waitFor(String address) {
    Deque<Instant> recent = failures.get(address);
    if (recent == null) return Duration.ZERO;
    synchronized (recent) {
      Instant now = clock.instant();
      prune(recent, now);
      if (recent.size() < maxFailures) return Duration.ZERO;
      return Duration.between(now, recent.peekFirst().plus(window));
    }
  }

  void failed(String address) {
    Deque<Instant> recent = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
    synchronized (recent) {
      Instant now = clock.instant();
      prune(recent, now);
      recent.addLast(now);
      while (recent.size() > maxFailures) recent.removeFirst();
    }
  }

  void succeeded(String address) {
    failures.remove(address);
  }

  private void prune(Deque<Instant> recent, Instant now) {
    while (!recent.isEmpty() && !recent.peekFirst().plus(window).isAfter(now)) recent.removeFirst();
  }
}

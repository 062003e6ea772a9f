package org.newsdesk.bot.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing without locking out a whole office: wrong passwords are counted per
 * name and address, and after {@code freePerName} of them that name may try again from that address
 * only after a wait that doubles with every further wrong one ({@code firstWait}, then twice, four
 * times..., at most {@code maxWait}). Other names behind the same address are not held up until
 * the address as a whole has {@code freePerAddress} wrong passwords (a guesser who changes the
 * name each time), after which the address waits the same way. A right password clears both
 * counts; a count is forgotten after {@code maxWait} without a wrong password.
 */
final class SignInThrottle {
  private final int freePerName;
  private final int freePerAddress;
  private final Duration firstWait;
  private final Duration maxWait;
  private final Clock clock;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  /** Consecutive wrong passwords of one key, and when the last one came. */
  private record Failures(int count, Instant last) {}

  SignInThrottle(int freePerName, int freePerAddress, Duration firstWait, Duration maxWait, Clock clock) {
    if (freePerName < 1 || freePerAddress < freePerName) {
      throw new IllegalArgumentException("need 1 <= freePerName <= freePerAddress, got " + freePerName + " and "
          + freePerAddress);
    }
    this.freePerName = freePerName;
    this.freePerAddress = freePerAddress;
    this.firstWait = firstWait;
    this.maxWait = maxWait;
    this.clock = clock;
  }

  /** How long {@code name} must wait before trying again from {@code address}; zero when it may try now. */
  Duration waitFor(String name, String address) {
    Instant now = clock.instant();
    Duration byName = wait(nameKey(name, address), freePerName, now);
    Duration byAddress = wait(addressKey(address), freePerAddress, now);
    return byName.compareTo(byAddress) >= 0 ? byName : byAddress;
  }

  void failed(String name, String address) {
    Instant now = clock.instant();
    for (String key : new String[] {nameKey(name, address), addressKey(address)}) {
      failures.compute(key, (k, f) -> f == null || expired(f, now) ? new Failures(1, now) : new Failures(f.count() + 1, now));
    }
  }

  void succeeded(String name, String address) {
    failures.remove(nameKey(name, address));
    failures.remove(addressKey(address));
  }

  private Duration wait(String key, int free, Instant now) {
    Failures f = failures.get(key);
    if (f == null) return Duration.ZERO;
    if (expired(f, now)) {
      failures.remove(key, f);
      return Duration.ZERO;
    }
    if (f.count() < free) return Duration.ZERO;
    Duration wait = firstWait.multipliedBy(1L << Math.min(f.count() - free, 20));
    if (wait.compareTo(maxWait) > 0) wait = maxWait;
    Duration left = Duration.between(now, f.last().plus(wait));
    return left.isNegative() ? Duration.ZERO : left;
  }

  private boolean expired(Failures f, Instant now) {
    return !f.last().plus(maxWait).isAfter(now);
  }

  private static String nameKey(String name, String address) {
    return "name\u0000" + name.strip().toLowerCase(java.util.Locale.ROOT) + "\u0000" + address;
  }

  private static String addressKey(String address) {
    return "address\u0000" + address;
  }
}

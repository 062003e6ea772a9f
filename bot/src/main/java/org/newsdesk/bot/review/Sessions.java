package org.newsdesk.bot.review;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in moderators, in memory: a random session id (the cookie) maps to the moderator's
 * name and a per-session CSRF token. A session ends after {@code idleTimeout} without a request;
 * a restart of the page signs everyone out.
 */
public final class Sessions {
  /** A signed-in moderator. */
  public record Session(String id, String moderator, String csrfToken, Instant lastSeen) {
    /** Whether {@code token} is this session's CSRF token (constant-time comparison). */
    public boolean csrfMatches(String token) {
      return token != null && MessageDigest.isEqual(
          csrfToken.getBytes(java.nio.charset.StandardCharsets.UTF_8),
          token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Duration idleTimeout;
  private final Clock clock;

  public Sessions(Duration idleTimeout, Clock clock) {
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("session timeout must be positive, got " + idleTimeout);
    }
    this.idleTimeout = idleTimeout;
    this.clock = clock;
  }

  public Session start(String moderator) {
    expire();
    Session s = new Session(token(), moderator, token(), clock.instant());
    sessions.put(s.id(), s);
    return s;
  }

  /** The live session with this id, its idle clock restarted; empty when unknown or expired. */
  public Optional<Session> find(String id) {
    if (id == null) return Optional.empty();
    Instant now = clock.instant();
    Session s = sessions.get(id);
    if (s == null) return Optional.empty();
    if (s.lastSeen().plus(idleTimeout).isBefore(now)) {
      sessions.remove(id);
      return Optional.empty();
    }
    Session touched = new Session(s.id(), s.moderator(), s.csrfToken(), now);
    sessions.put(id, touched);
    return Optional.of(touched);
  }

  public void end(String id) {
    if (id != null) sessions.remove(id);
  }

  private void expire() {
    Instant cutoff = clock.instant().minus(idleTimeout);
    sessions.values().removeIf(s -> s.lastSeen().isBefore(cutoff));
  }

  private String token() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}

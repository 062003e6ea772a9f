package org.newsdesk.config;

import java.time.Duration;
import java.util.Optional;

/** The moderators' review page. */
public record ReviewConfig(String host, int port, Duration sessionTimeout, Optional<Secret> password) {
  public static final String PASSWORD_ENV = SecretVariable.NEWSDESK_REVIEW_PASSWORD.name();

  public static ReviewConfig from(Settings s) {
    return new ReviewConfig(
        s.string("newsdesk.review.host"),
        s.integer("newsdesk.review.port", 0, 65535),
        Duration.ofMinutes(s.integer("newsdesk.review.session-minutes", 1, 24 * 60)),
        s.secret(SecretVariable.NEWSDESK_REVIEW_PASSWORD));
  }
}

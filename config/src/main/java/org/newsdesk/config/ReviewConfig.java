package org.newsdesk.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The moderators' review page. {@code keystore} (a PKCS12 or JKS file, opened with
 * {@code keystorePassword}) turns on HTTPS; without it the page serves plain HTTP, which it does
 * on a non-loopback address only when {@code insecureHttp} says so.
 */
public record ReviewConfig(String host, int port, Duration sessionTimeout, Optional<Secret> password,
                           Optional<Path> keystore, Optional<Secret> keystorePassword, boolean insecureHttp) {
  public static final String PASSWORD_ENV = SecretVariable.NEWSDESK_REVIEW_PASSWORD.name();
  public static final String KEYSTORE_PASSWORD_ENV = SecretVariable.NEWSDESK_REVIEW_KEYSTORE_PASSWORD.name();

  /** A page on plain HTTP with no keystore. */
  public ReviewConfig(String host, int port, Duration sessionTimeout, Optional<Secret> password) {
    this(host, port, sessionTimeout, password, Optional.empty(), Optional.empty(), false);
  }

  public static ReviewConfig from(Settings s) {
    return new ReviewConfig(
        s.string("newsdesk.review.host"),
        s.integer("newsdesk.review.port", 0, 65535),
        Duration.ofMinutes(s.integer("newsdesk.review.session-minutes", 1, 24 * 60)),
        s.secret(SecretVariable.NEWSDESK_REVIEW_PASSWORD),
        s.optionalPath("newsdesk.review.keystore"),
        s.secret(SecretVariable.NEWSDESK_REVIEW_KEYSTORE_PASSWORD),
        s.bool("newsdesk.review.insecure-http"));
  }
}

package org.newsdesk.bot.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.newsdesk.config.Secret;

/**
 * The moderators' shared password. Both sides are hashed before a constant-time comparison, so
 * neither the content nor the length of the password leaks through timing.
 */
public final class PasswordCheck {
  private final byte[] expected;

  public PasswordCheck(Secret password) {
    this.expected = sha256(password.value());
  }

  public boolean matches(String attempt) {
    return attempt != null && MessageDigest.isEqual(expected, sha256(attempt));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}

package org.newsdesk.bot.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.newsdesk.config.ConfigException;
import org.newsdesk.config.ReviewConfig;
import org.newsdesk.config.Secret;

/**
 * The moderators' shared password. Both sides are hashed before a constant-time comparison, so
 * neither the content nor the length of the password leaks through timing. A password shorter than
 * {@link #MIN_LENGTH} characters is refused: the page is the door to every reader's questions.
 */
public final class PasswordCheck {
  /** The fewest characters a review password may have. */
  public static final int MIN_LENGTH = 12;

  private final byte[] expected;

  /** @throws ConfigException when the password is shorter than {@link #MIN_LENGTH} (naming its length only) */
  public PasswordCheck(Secret password) {
    int length = password.value().codePointCount(0, password.value().length());
    if (length < MIN_LENGTH) {
      throw new ConfigException(ReviewConfig.PASSWORD_ENV + " is too short (" + length
          + (length == 1 ? " character" : " characters") + "): the review page needs at least " + MIN_LENGTH
          + " so that it cannot be guessed; pick a longer one");
    }
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

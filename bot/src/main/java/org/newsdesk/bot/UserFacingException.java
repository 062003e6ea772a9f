package org.newsdesk.bot;

/** A failure whose message is written for the person at the terminal: printed as-is, exit 1. */
public final class UserFacingException extends RuntimeException {
  public UserFacingException(String message) {
    super(message);
  }

  public UserFacingException(String message, Throwable cause) {
    super(message, cause);
  }
}

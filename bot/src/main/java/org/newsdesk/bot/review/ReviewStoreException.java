package org.newsdesk.bot.review;

/** The answer log could not be read or written for the review page; the cause says why. */
public final class ReviewStoreException extends RuntimeException {
  public ReviewStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}

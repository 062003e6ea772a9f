package org.newsdesk.bot.log;

/** The answer log could not be read or written; the cause says why. */
public final class AnswerLogException extends RuntimeException {
  public AnswerLogException(String message, Throwable cause) {
    super(message, cause);
  }
}

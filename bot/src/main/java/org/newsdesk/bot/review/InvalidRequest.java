package org.newsdesk.bot.review;

/**
 * A moderator asked for something that cannot be done: a malformed filter, a broken link, an
 * empty note. The message is a sentence written for them, shown as it is; any other exception
 * reaching a door is a fault, logged with an incident id and never shown.
 */
public final class InvalidRequest extends IllegalArgumentException {
  public InvalidRequest(String sentence) {
    super(sentence);
  }

  public InvalidRequest(String sentence, Throwable cause) {
    super(sentence, cause);
  }
}

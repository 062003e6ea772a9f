package org.newsdesk.bot.log;

import java.util.Objects;

/** A reader's question as it arrived from Telegram. {@code updateId} is unique per bot. */
public record Question(long updateId, long chatId, long userId, String chatType, int messageId, String text,
                       long askedAtMillis) implements Arrival {
  public Question {
    Objects.requireNonNull(chatType, "chatType");
    Objects.requireNonNull(text, "text");
  }
}

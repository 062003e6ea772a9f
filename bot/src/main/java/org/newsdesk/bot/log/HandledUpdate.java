package org.newsdesk.bot.log;

import java.util.Objects;

/** An update that is not a question (a command, a button press, another message), kept only to be recognised. */
public record HandledUpdate(long updateId, String kind, long chatId) implements Arrival {
  public HandledUpdate {
    Objects.requireNonNull(kind, "kind");
  }
}

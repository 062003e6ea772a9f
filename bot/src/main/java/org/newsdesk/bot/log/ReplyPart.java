package org.newsdesk.bot.log;

import java.util.OptionalInt;

/**
 * One message of a logged reply: its position, its text, and how far sending it got. Not
 * {@code attempted}: never sent. Attempted with a {@code messageId}: delivered. Attempted without
 * one: the process stopped while Telegram had it, so whether the reader got it is unknown.
 */
public record ReplyPart(int index, ReplyText text, boolean attempted, OptionalInt messageId) {
  /** Whether this part was in flight when the process stopped, and so must never be sent again. */
  public boolean unconfirmed() {
    return attempted && messageId.isEmpty();
  }
}

package org.newsdesk.bot.log;

import java.util.Objects;

/** One message of a reply as it will be sent: Telegram HTML, and the same text without markup. */
public record ReplyText(String html, String plain) {
  public ReplyText {
    Objects.requireNonNull(html, "html");
    Objects.requireNonNull(plain, "plain");
  }
}

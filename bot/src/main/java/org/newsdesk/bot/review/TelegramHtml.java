package org.newsdesk.bot.review;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Shows an answer as the reader saw it: the stored Telegram HTML, cleaned down to the tags
 * Telegram itself accepts (b, i, u, s, a, code, pre, blockquote, spoiler), with only http, https
 * and tg links. Anything else, scripts and event handlers included, is dropped, so the result
 * can be put into the page as markup.
 */
public final class TelegramHtml {
  private static final Safelist TELEGRAM = new Safelist()
      .addTags("b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre",
          "blockquote", "span", "tg-spoiler", "br")
      .addAttributes("a", "href")
      .addAttributes("blockquote", "expandable")
      .addAttributes("span", "class")
      .addAttributes("code", "class")
      .addProtocols("a", "href", "http", "https", "tg")
      .addEnforcedAttribute("a", "rel", "noopener noreferrer nofollow");

  private TelegramHtml() {}

  /** Safe markup for the stored Telegram HTML; the page keeps its line breaks with {@code white-space: pre-wrap}. */
  public static String sanitize(String telegramHtml) {
    if (telegramHtml == null || telegramHtml.isEmpty()) return "";
    Document.OutputSettings out = new Document.OutputSettings().prettyPrint(false);
    return Jsoup.clean(telegramHtml, "", TELEGRAM, out);
  }
}

package org.newsdesk.bot.telegram;

import java.util.Locale;
import java.util.regex.Pattern;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * What an incoming message asks of the bot. Private chats: any text is a question. Groups: only
 * {@code /ask}, a mention of the bot, or a reply to one of its messages; the rest is not for us.
 * The caption of a photo (or any other media) is read as the message's text.
 */
sealed interface Inbound {
  record Ask(String question) implements Inbound {}

  record Command(String name, String args) implements Inbound {}

  record NonText() implements Inbound {}

  record Ignored() implements Inbound {}

  static Inbound classify(Message m, String botUsername, long botId) {
    boolean isPrivate = "private".equals(m.getChat().getType());
    String caption = m.getCaption() == null || m.getCaption().isBlank() ? null : m.getCaption();
    String written = m.hasText() ? m.getText() : caption;
    if (written == null) return isPrivate ? new NonText() : new Ignored();
    String text = written.strip();
    if (text.startsWith("/")) {
      String[] head = text.split("\\s+", 2);
      String name = head[0].substring(1);
      int at = name.indexOf('@');
      if (at >= 0) {
        if (!name.substring(at + 1).equalsIgnoreCase(botUsername)) return new Ignored();
        name = name.substring(0, at);
      }
      String args = head.length > 1 ? head[1].strip() : "";
      name = name.toLowerCase(Locale.ROOT);
      return name.equals("ask") ? new Ask(args) : new Command(name, args);
    }
    if (isPrivate) return new Ask(text);
    Pattern mention = Pattern.compile("@" + Pattern.quote(botUsername) + "\\b", Pattern.CASE_INSENSITIVE);
    if (mention.matcher(text).find()) return new Ask(mention.matcher(text).replaceAll(" ").strip().replaceAll("\\s{2,}", " "));
    Message replied = m.getReplyToMessage();
    if (replied != null && replied.getFrom() != null && replied.getFrom().getId() == botId) return new Ask(text);
    return new Ignored();
  }
}

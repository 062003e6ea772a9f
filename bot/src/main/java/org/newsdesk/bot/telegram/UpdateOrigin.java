package org.newsdesk.bot.telegram;

import java.util.Optional;
import java.util.OptionalLong;
import org.newsdesk.bot.log.PendingQuestion;
import org.newsdesk.bot.log.Question;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Who is told when handling an update fails, and how: a message in {@code chatId} (replying to
 * {@code replyTo} in groups), or the toast of button press {@code callbackId}. {@code answerId}
 * is the logged question, which is then marked failed.
 */
record UpdateOrigin(long updateId, long chatId, Integer replyTo, Optional<String> callbackId,
                    OptionalLong answerId) {
  static UpdateOrigin of(Update u) {
    if (u.hasCallbackQuery()) {
      CallbackQuery q = u.getCallbackQuery();
      long chatId = q.getMessage() == null ? q.getFrom().getId() : q.getMessage().getChatId();
      return new UpdateOrigin(u.getUpdateId(), chatId, null, Optional.of(q.getId()), OptionalLong.empty());
    }
    Message m = u.getMessage();
    Integer replyTo = "private".equals(m.getChat().getType()) ? null : m.getMessageId();
    return new UpdateOrigin(u.getUpdateId(), m.getChatId(), replyTo, Optional.empty(), OptionalLong.empty());
  }

  static UpdateOrigin of(PendingQuestion p) {
    Question q = p.question();
    Integer replyTo = "private".equals(q.chatType()) ? null : q.messageId();
    return new UpdateOrigin(q.updateId(), q.chatId(), replyTo, Optional.empty(), OptionalLong.of(p.answerId()));
  }
}

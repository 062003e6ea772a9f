package org.newsdesk.bot.telegram;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.newsdesk.bot.log.AnswerLog;
import org.newsdesk.bot.log.PendingQuestion;
import org.newsdesk.bot.log.Question;
import org.newsdesk.bot.log.Replies;
import org.newsdesk.bot.log.ReplyPart;
import org.newsdesk.bot.log.ReplyText;
import org.newsdesk.retrieval.answer.Answer;
import org.newsdesk.retrieval.answer.Answerer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * What the bot says in a chat: the answer to a logged question, logged before its first message
 * goes out and then sent message by message, each recorded in {@link Replies} as it goes, so an
 * answer taken over after a crash continues at its first unsent message; and the short replies to
 * commands and refused questions. A message Telegram refuses as HTML goes out as plain text.
 */
final class ReplySender {
  private static final Logger log = LoggerFactory.getLogger(ReplySender.class);

  private final TelegramGateway telegram;
  private final AnswerLog answerLog;
  private final Replies replies;
  private final Answerer answerer;
  private final MessageSplitter splitter = new MessageSplitter();

  ReplySender(TelegramGateway telegram, AnswerLog answerLog, Answerer answerer) {
    this.telegram = telegram;
    this.answerLog = answerLog;
    this.replies = new Replies(answerLog);
    this.answerer = answerer;
  }

  /**
   * Answers a logged question: the answer and its messages are logged before the first is sent,
   * then the messages go out one by one. A question whose reply was logged by an earlier run is not
   * answered again: its reply continues at the first message not sent yet. If Telegram cannot be
   * reached, the question is given back, and recovery tries again later.
   */
  void answer(PendingQuestion p) {
    Question q = p.question();
    long started = System.nanoTime();
    List<ReplyPart> parts = replies.parts(p.answerId());
    boolean resumed = !parts.isEmpty();
    if (!resumed) {
      telegram.typing(q.chatId());
      Thread typing = Thread.ofVirtual().start(() -> keepTyping(q.chatId()));
      try {
        // As of the day the reader asked (UTC, as search's "today"): a backlog read after downtime is answered as then.
        LocalDate askedOn = LocalDate.ofInstant(Instant.ofEpochMilli(q.askedAtMillis()), ZoneOffset.UTC);
        Answer answer = answerer.answer("telegram:" + q.chatId(), q.text(), askedOn);
        List<ReplyText> texts = splitter.split(TelegramReplies.answer(answer)).stream()
            .map(part -> new ReplyText(part.html(), part.plain())).toList();
        parts = answerLog.answered(p.answerId(), answer, texts, (System.nanoTime() - started) / 1_000_000);
      } finally {
        typing.interrupt();
      }
    }
    Integer replyTo = "private".equals(q.chatType()) ? null : q.messageId();
    for (ReplyPart part : parts) {
      if (part.messageId().isPresent()) continue;
      if (part.unconfirmed()) {
        log.atWarn().addKeyValue("answerId", p.answerId()).addKeyValue("part", part.index())
            .log("reply message was being sent when the bot stopped; not sent again");
        continue;
      }
      if (!replies.begin(p.answerId(), part.index())) {
        log.atWarn().addKeyValue("answerId", p.answerId()).log("question taken over by another instance; stopped");
        return;
      }
      boolean last = part.index() == parts.get(parts.size() - 1).index();
      int messageId;
      try {
        messageId = send(q.chatId(), part.text(), part.index() == 0 ? replyTo : null,
            last ? TelegramGateway.feedbackButtons(p.answerId()) : null);
      } catch (TelegramGateway.Unavailable e) {
        // Interrupted (the shutdown grace ran out), the call may have reached Telegram: like a
        // crash, the part is then never sent again. Otherwise every attempt failed to get through.
        if (!Thread.currentThread().isInterrupted()) replies.notDelivered(p.answerId(), part.index());
        answerLog.release(p.answerId());
        log.atWarn().addKeyValue("answerId", p.answerId()).addKeyValue("error", e.getMessage())
            .log("reply not sent, will retry");
        return;
      } catch (TelegramGateway.Rejected e) {
        replies.notDelivered(p.answerId(), part.index()); // refused as HTML and as plain text: never delivered
        throw e;
      }
      replies.delivered(p.answerId(), part.index(), messageId);
    }
    answerLog.sent(p.answerId());
    log.atInfo().addKeyValue("answerId", p.answerId()).addKeyValue("resumed", resumed)
        .addKeyValue("parts", parts.size()).addKeyValue("ms", (System.nanoTime() - started) / 1_000_000)
        .log("answer sent");
  }

  /** Sends blocks as HTML, split if long; only the first message replies to {@code replyTo}. */
  void say(long chatId, List<Block> blocks, Integer replyTo) {
    List<MessageSplitter.Part> parts = splitter.split(blocks);
    for (int i = 0; i < parts.size(); i++) {
      send(chatId, new ReplyText(parts.get(i).html(), parts.get(i).plain()), i == 0 ? replyTo : null, null);
    }
  }

  /** Sends one message as HTML; if Telegram rejects it, logs Telegram's reason and sends the plain text. */
  private int send(long chatId, ReplyText text, Integer replyTo, InlineKeyboardMarkup buttons) {
    try {
      return telegram.sendHtml(chatId, text.html(), replyTo, buttons);
    } catch (TelegramGateway.Rejected r) {
      log.atWarn().addKeyValue("chatId", chatId).addKeyValue("code", r.code())
          .addKeyValue("description", r.getMessage()).log("telegram rejected the HTML, sending plain text");
      return telegram.sendPlain(chatId, text.plain(), replyTo, buttons);
    }
  }

  /** Telegram shows "typing" for about five seconds; renew it while a slow answer is composed. */
  private void keepTyping(long chatId) {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(4_500);
      } catch (InterruptedException e) {
        return;
      }
      telegram.typing(chatId);
    }
  }
}

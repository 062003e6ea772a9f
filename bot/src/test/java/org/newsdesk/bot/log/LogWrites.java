package org.newsdesk.bot.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.newsdesk.config.AnswerMode;
import org.newsdesk.retrieval.answer.Answer;

/** Writes answers into a log the way the bot does, for tests that need answers already sent. */
public final class LogWrites {
  private LogWrites() {}

  /** A found answer with this text and no evidence. */
  public static Answer answer(String text) {
    return new Answer(true, text, AnswerMode.EXTRACTIVE, List.of(), List.of(), List.of(), Optional.empty(), text);
  }

  /**
   * Logs {@code answer} for question {@code answerId} (claimed by {@code log}'s instance) as a reply
   * of one message per id, whose HTML is {@code html} for the first and "part N" for the others,
   * each begun and delivered with its id in turn, then the answer as sent.
   */
  public static void deliver(AnswerLog log, long answerId, Answer answer, String html, int... messageIds) {
    List<ReplyText> parts = new ArrayList<>();
    for (int i = 0; i < messageIds.length; i++) {
      String text = i == 0 ? html : "part " + (i + 1);
      parts.add(new ReplyText(text, text));
    }
    log.answered(answerId, answer, parts, 42);
    Replies replies = new Replies(log);
    for (int i = 0; i < messageIds.length; i++) {
      if (!replies.begin(answerId, i)) throw new IllegalStateException(log.instance() + " does not hold " + answerId);
      replies.delivered(answerId, i, messageIds[i]);
    }
    log.sent(answerId);
  }

  /** {@link #deliver} of a one-line answer "answer" in as many messages as ids. */
  public static void deliver(AnswerLog log, long answerId, int... messageIds) {
    deliver(log, answerId, answer("answer"), "answer", messageIds);
  }
}

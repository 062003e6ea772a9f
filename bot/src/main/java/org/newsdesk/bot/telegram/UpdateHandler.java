package org.newsdesk.bot.telegram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.newsdesk.bot.log.AnswerLog;
import org.newsdesk.bot.log.PendingQuestion;
import org.newsdesk.bot.log.Question;
import org.newsdesk.bot.logging.IncidentId;
import org.newsdesk.retrieval.answer.Answer;
import org.newsdesk.retrieval.answer.Answerer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * Takes each batch of updates from the poller thread, logs the questions in it durably (before
 * the next {@code getUpdates} confirms them to Telegram), and hands all work to {@link ChatQueues}:
 * nothing slow runs on the poller thread, and this never throws into it.
 *
 * <p>Each update is handled on its own, in two steps with one catch-all: routing it on the poller
 * thread, then its task on its chat's queue. A failure in either goes to {@link Incidents}, which
 * logs it once and tells the user its id; the other updates of the batch never notice.
 */
final class UpdateHandler implements LongPollingUpdateConsumer {
  private static final Logger log = LoggerFactory.getLogger(UpdateHandler.class);
  private static final int SEEN_UPDATES = 10_000;

  /** What the handler needs to know about itself and its limits. */
  record Identity(long botId, String botUsername) {}

  /** An update's work, to run on its chat's queue (or detached, for a button press); set once routed. */
  private static final class Work {
    UpdateOrigin origin;
    Runnable task;

    Work(UpdateOrigin origin) {
      this.origin = origin;
    }
  }

  private final Identity me;
  private final TelegramGateway telegram;
  private final AnswerLog answerLog;
  private final Answerer answerer;
  private final BotCommands commands;
  private final ChatQueues queues;
  private final RateLimiter rateLimiter;
  private final int maxQuestionChars;
  private final MessageSplitter splitter = new MessageSplitter();
  private final LongSupplier clock;
  private final Incidents incidents;
  private final AtomicBoolean accepting = new AtomicBoolean(true);
  private final Map<Integer, Boolean> seen = new LinkedHashMap<>(256, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Integer, Boolean> eldest) {
      return size() > SEEN_UPDATES;
    }
  };

  UpdateHandler(Identity me, TelegramGateway telegram, AnswerLog answerLog, Answerer answerer, BotCommands commands,
                ChatQueues queues, RateLimiter rateLimiter, int maxQuestionChars, LongSupplier clock) {
    this.me = me;
    this.telegram = telegram;
    this.answerLog = answerLog;
    this.answerer = answerer;
    this.commands = commands;
    this.queues = queues;
    this.rateLimiter = rateLimiter;
    this.maxQuestionChars = maxQuestionChars;
    this.clock = clock;
    this.incidents = new Incidents(telegram, answerLog);
  }

  /** From now on, updates are left unconfirmed for the next run to receive again. */
  void stopAccepting() {
    accepting.set(false);
  }

  @Override
  public void consume(List<Update> updates) {
    if (!accepting.get()) return;
    List<Work> batch = new ArrayList<>();
    List<Question> questions = new ArrayList<>();
    List<Work> questionWork = new ArrayList<>();
    for (Update u : updates) {
      synchronized (seen) {
        if (seen.put(u.getUpdateId(), Boolean.TRUE) != null) continue;
      }
      if (!u.hasCallbackQuery() && !u.hasMessage()) continue;
      Work work = new Work(UpdateOrigin.of(u));
      batch.add(work);
      try {
        route(u, work, questions, questionWork);
      } catch (RuntimeException e) {
        work.task = () -> incidents.failed(work.origin, e);
      }
    }
    logQuestions(questions, questionWork);
    for (Work work : batch) {
      if (work.task == null) continue;
      UpdateOrigin origin = work.origin;
      Runnable task = work.task;
      if (origin.callbackId().isPresent()) {
        queues.detached(() -> guarded(origin, task));
      } else {
        queues.submit(origin.chatId(), () -> guarded(origin, task));
      }
    }
  }

  /** Answers a question logged earlier and left unsent (an earlier run stopped), on its chat's queue. */
  void resume(PendingQuestion p) {
    UpdateOrigin origin = UpdateOrigin.of(p);
    queues.submit(origin.chatId(), () -> guarded(origin, () -> answer(p)));
  }

  /** Sets the update's task; a question's is set by {@link #logQuestions} once it is logged. */
  private void route(Update u, Work work, List<Question> questions, List<Work> questionWork) {
    if (u.hasCallbackQuery()) {
      CallbackQuery q = u.getCallbackQuery();
      work.task = () -> feedback(q);
      return;
    }
    Message m = u.getMessage();
    long chatId = m.getChatId();
    long userId = m.getFrom() == null ? 0 : m.getFrom().getId();
    boolean isPrivate = "private".equals(m.getChat().getType());
    Integer replyTo = work.origin.replyTo();
    work.task = switch (Inbound.classify(m, me.botUsername(), me.botId())) {
      case Inbound.Ignored i -> null;
      case Inbound.NonText n -> () -> say(chatId, TelegramReplies.NON_TEXT, replyTo);
      case Inbound.Command c -> () -> command(c, userId, chatId, isPrivate, replyTo);
      case Inbound.Ask a -> {
        String q = a.question().strip();
        if (q.isEmpty()) yield () -> say(chatId, TelegramReplies.EMPTY_QUESTION, replyTo);
        if (q.length() > maxQuestionChars) {
          yield () -> say(chatId, TelegramReplies.tooLong(q.length(), maxQuestionChars), replyTo);
        }
        if (!rateLimiter.allow(userId, clock.getAsLong())) {
          log.atInfo().addKeyValue("userId", userId).log("question rate limited");
          yield () -> say(chatId, TelegramReplies.rateLimited(rateLimiter.perMinute()), replyTo);
        }
        questions.add(new Question(u.getUpdateId(), chatId, userId, m.getChat().getType(), m.getMessageId(), q,
            m.getDate() == null ? clock.getAsLong() : m.getDate() * 1000L));
        questionWork.add(work);
        yield null;
      }
    };
  }

  /**
   * Logs the batch's questions in one transaction and sets each one's task: answer it, or nothing
   * for a redelivery. If the log cannot be written, that is one incident, and each asker is told its id.
   */
  private void logQuestions(List<Question> questions, List<Work> questionWork) {
    List<OptionalLong> ids;
    try {
      ids = answerLog.receive(questions);
    } catch (RuntimeException e) {
      String incident = IncidentId.next();
      log.atError().setCause(e).addKeyValue("incident", incident).addKeyValue("questions", questions.size())
          .log("could not log questions");
      for (Work work : questionWork) work.task = () -> incidents.tell(work.origin, incident);
      return;
    }
    for (int i = 0; i < ids.size(); i++) {
      OptionalLong id = ids.get(i);
      if (id.isEmpty()) {
        log.atInfo().addKeyValue("updateId", questions.get(i).updateId()).log("redelivered update ignored");
      } else {
        PendingQuestion pending = new PendingQuestion(id.getAsLong(), questions.get(i));
        Work work = questionWork.get(i);
        work.origin = UpdateOrigin.of(pending);
        work.task = () -> answer(pending);
      }
    }
  }

  /** The one catch-all of an update's task. */
  private void guarded(UpdateOrigin origin, Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      incidents.failed(origin, e);
    }
  }

  private void command(Inbound.Command c, long userId, long chatId, boolean isPrivate, Integer replyTo) {
    commands.reply(c.name(), c.args(), userId, isPrivate).ifPresent(text -> say(chatId, text, replyTo));
  }

  /**
   * Answers a logged question: typing, answer, log it, send it, log the message ids. If Telegram
   * cannot be reached, the question stays claimed and unsent, and recovery tries it again later.
   */
  private void answer(PendingQuestion p) {
    Question q = p.question();
    long started = System.nanoTime();
    telegram.typing(q.chatId());
    Thread typing = Thread.ofVirtual().start(() -> keepTyping(q.chatId()));
    Integer replyTo = "private".equals(q.chatType()) ? null : q.messageId();
    try {
      Answer answer = answerer.answer("telegram:" + q.chatId(), q.text());
      List<MessageSplitter.Part> parts = splitter.split(TelegramReplies.answer(answer));
      String sentText = String.join("\n\n", parts.stream().map(MessageSplitter.Part::html).toList());
      answerLog.answered(p.answerId(), answer, sentText, (System.nanoTime() - started) / 1_000_000);
      typing.interrupt();
      List<Integer> messageIds = new ArrayList<>();
      for (int i = 0; i < parts.size(); i++) {
        var buttons = i == parts.size() - 1 ? TelegramGateway.feedbackButtons(p.answerId()) : null;
        messageIds.add(sendPart(q.chatId(), parts.get(i), i == 0 ? replyTo : null, buttons, p.answerId()));
      }
      answerLog.sent(p.answerId(), messageIds);
      log.atInfo().addKeyValue("answerId", p.answerId()).addKeyValue("answered", answer.answered())
          .addKeyValue("parts", parts.size()).addKeyValue("ms", (System.nanoTime() - started) / 1_000_000)
          .log("answer sent");
    } catch (TelegramGateway.Unavailable e) {
      log.atWarn().addKeyValue("answerId", p.answerId()).addKeyValue("error", e.getMessage())
          .log("reply not sent, will retry");
    } finally {
      typing.interrupt();
    }
  }

  /** Sends one part as HTML; if Telegram rejects it, logs Telegram's reason and sends the plain text. */
  private int sendPart(long chatId, MessageSplitter.Part part, Integer replyTo, InlineKeyboardMarkup buttons,
                       long answerId) {
    try {
      return telegram.sendHtml(chatId, part.html(), replyTo, buttons);
    } catch (TelegramGateway.Rejected r) {
      log.atWarn().addKeyValue("answerId", answerId).addKeyValue("code", r.code())
          .addKeyValue("description", r.getMessage()).log("telegram rejected the answer, sending plain text");
      return telegram.sendPlain(chatId, part.plain(), replyTo, buttons);
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

  /** Records a 👍/👎 and answers the button press, which Telegram shows as spinning until it is answered. */
  private void feedback(CallbackQuery q) {
    Optional<Feedback> vote = Feedback.parse(q.getData());
    String toast = "";
    if (vote.isPresent()) {
      boolean stored = answerLog.feedback(vote.get().answerId(), q.getFrom().getId(), vote.get().value());
      toast = stored ? TelegramReplies.FEEDBACK_THANKS : TelegramReplies.FEEDBACK_UNKNOWN;
      log.atInfo().addKeyValue("answerId", vote.get().answerId()).addKeyValue("value", vote.get().value())
          .addKeyValue("stored", stored).log("feedback");
    }
    telegram.answerCallback(q.getId(), toast);
  }

  /** Sends plain text, split if long. */
  private void say(long chatId, String text, Integer replyTo) {
    List<Block> blocks = new ArrayList<>();
    for (String p : text.split("\n\n")) if (!p.isBlank()) blocks.add(Block.plain(p));
    List<MessageSplitter.Part> parts = splitter.split(blocks);
    for (int i = 0; i < parts.size(); i++) telegram.sendPlain(chatId, parts.get(i).plain(), i == 0 ? replyTo : null, null);
  }
}

package org.newsdesk.bot.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.newsdesk.bot.log.AnswerLog;
import org.newsdesk.bot.log.Arrival;
import org.newsdesk.bot.log.HandledUpdate;
import org.newsdesk.bot.log.PendingQuestion;
import org.newsdesk.bot.log.Question;
import org.newsdesk.bot.log.Refusal;
import org.newsdesk.bot.logging.IncidentId;
import org.newsdesk.retrieval.answer.Answerer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Takes each batch of updates from the poller thread, logs every update in it that is for the bot
 * durably (before the next {@code getUpdates} confirms them to Telegram), and hands all work to
 * {@link ChatQueues}: nothing slow runs on the poller thread, and this never throws into it. An
 * update already in the log (delivered again after a crash) is dropped, whatever its kind, so no
 * question is answered and no command run twice.
 *
 * <p>Each update is handled on its own, in two steps with one catch-all: routing it on the poller
 * thread, then its task on its chat's queue. A failure in either goes to {@link Incidents}, which
 * logs it once and tells the user its id; the other updates of the batch never notice.
 *
 * <p>What the bot says goes out through {@link ReplySender}: an answer message by message, each
 * recorded as it goes, so an answer taken over after a crash continues at its first unsent message.
 */
final class UpdateHandler implements LongPollingUpdateConsumer {
  private static final Logger log = LoggerFactory.getLogger(UpdateHandler.class);

  /** What the handler needs to know about itself and its limits. */
  record Identity(long botId, String botUsername) {}

  /** An update's work: what to log of it, and what to run once it is logged; set once routed. */
  private static final class Work {
    UpdateOrigin origin;
    Arrival arrival;
    Runnable task;

    Work(UpdateOrigin origin) {
      this.origin = origin;
    }
  }

  private final Identity me;
  private final TelegramGateway telegram;
  private final AnswerLog answerLog;
  private final ReplySender sender;
  private final BotCommands commands;
  private final ChatQueues queues;
  private final RateLimiter rateLimiter;
  private final int maxQuestionChars;
  private final LongSupplier clock;
  private final Incidents incidents;
  private final AtomicBoolean accepting = new AtomicBoolean(true);

  UpdateHandler(Identity me, TelegramGateway telegram, AnswerLog answerLog, Answerer answerer, BotCommands commands,
                ChatQueues queues, RateLimiter rateLimiter, int maxQuestionChars, LongSupplier clock) {
    this.me = me;
    this.telegram = telegram;
    this.answerLog = answerLog;
    this.sender = new ReplySender(telegram, answerLog, answerer);
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
    for (Update u : updates) {
      if (!u.hasCallbackQuery() && !u.hasMessage()) continue;
      Work work = new Work(UpdateOrigin.of(u));
      batch.add(work);
      try {
        route(u, work);
      } catch (RuntimeException e) {
        work.arrival = new HandledUpdate(u.getUpdateId(), "unroutable", work.origin.chatId());
        work.task = () -> incidents.failed(work.origin, e);
      }
    }
    logArrivals(batch);
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
    queues.submit(origin.chatId(), () -> guarded(origin, () -> sender.answer(p)));
  }

  /** Sets what to log of the update and its task; a question's task is set by {@link #logArrivals} once it is logged. */
  private void route(Update u, Work work) {
    if (u.hasCallbackQuery()) {
      CallbackQuery q = u.getCallbackQuery();
      work.arrival = new HandledUpdate(u.getUpdateId(), "button", work.origin.chatId());
      work.task = () -> feedback(q);
      return;
    }
    Message m = u.getMessage();
    long chatId = m.getChatId();
    long userId = m.getFrom() == null ? 0 : m.getFrom().getId();
    boolean isPrivate = "private".equals(m.getChat().getType());
    Integer replyTo = work.origin.replyTo();
    switch (Inbound.classify(m, me.botUsername(), me.botId())) {
      case Inbound.Ignored i -> { }
      case Inbound.NonText n -> {
        work.arrival = new HandledUpdate(u.getUpdateId(), "message", chatId);
        work.task = () -> sender.say(chatId, TelegramReplies.text(TelegramReplies.NON_TEXT), replyTo);
      }
      case Inbound.Command c -> {
        work.arrival = new HandledUpdate(u.getUpdateId(), "command", chatId);
        work.task = () -> command(c, userId, chatId, isPrivate, replyTo);
      }
      case Inbound.Ask a -> {
        String q = a.question().strip().replaceAll("\\s+", " ");
        if (q.isEmpty()) {
          work.arrival = new HandledUpdate(u.getUpdateId(), "message", chatId);
          work.task = () -> sender.say(chatId, TelegramReplies.text(TelegramReplies.EMPTY_QUESTION), replyTo);
          return;
        }
        Question question = new Question(u.getUpdateId(), chatId, userId, m.getChat().getType(), m.getMessageId(), q,
            m.getDate() == null ? clock.getAsLong() : m.getDate() * 1000L);
        if (q.length() > maxQuestionChars) {
          work.arrival = new Refusal(question, "too long: " + q.length() + " characters, over the limit of "
              + maxQuestionChars);
          work.task = () -> sender.say(chatId,
              TelegramReplies.text(TelegramReplies.tooLong(q.length(), maxQuestionChars)), replyTo);
          return;
        }
        RateLimiter.Decision decision = rateLimiter.decide(userId, clock.getAsLong());
        if (decision == RateLimiter.Decision.ALLOW) {
          work.arrival = question;
          return;
        }
        log.atInfo().addKeyValue("userId", userId).addKeyValue("told", decision == RateLimiter.Decision.REFUSE)
            .log("question rate limited");
        work.arrival = new Refusal(question, "asked faster than " + rateLimiter.perMinute() + " questions a minute"
            + (decision == RateLimiter.Decision.REFUSE ? "" : " (told once already)"));
        if (decision == RateLimiter.Decision.REFUSE) {
          work.task = () -> sender.say(chatId,
              TelegramReplies.text(TelegramReplies.rateLimited(rateLimiter.perMinute())), replyTo);
        }
      }
    }
  }

  /**
   * Logs the batch's updates in one transaction and sets each question's task: answer it. An
   * update the log holds already is a redelivery and gets no task. If the log cannot be written,
   * that is one incident, and everyone who sent an update is told its id.
   */
  private void logArrivals(List<Work> batch) {
    List<Work> logged = batch.stream().filter(w -> w.arrival != null).toList();
    List<OptionalLong> ids;
    try {
      ids = answerLog.receive(logged.stream().map(w -> w.arrival).toList());
    } catch (RuntimeException e) {
      String incident = IncidentId.next();
      log.atError().setCause(e).addKeyValue("incident", incident).addKeyValue("updates", logged.size())
          .log("could not log updates");
      for (Work work : logged) work.task = () -> incidents.tell(work.origin, incident);
      return;
    }
    for (int i = 0; i < ids.size(); i++) {
      Work work = logged.get(i);
      OptionalLong id = ids.get(i);
      if (id.isEmpty()) {
        log.atInfo().addKeyValue("updateId", work.arrival.updateId()).log("redelivered update ignored");
        work.task = null;
      } else if (work.arrival instanceof Question q) {
        PendingQuestion pending = new PendingQuestion(id.getAsLong(), q);
        work.origin = UpdateOrigin.of(pending);
        work.task = () -> sender.answer(pending);
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
    commands.reply(c.name(), c.args(), userId, isPrivate).ifPresent(blocks -> sender.say(chatId, blocks, replyTo));
  }

  /**
   * Records a 👍/👎 and answers the button press, which Telegram shows as spinning until it is
   * answered. A vote counts only from the chat and message that carried the answer; any other
   * (forged, or for an answer that does not exist) gets the same neutral toast.
   */
  private void feedback(CallbackQuery q) {
    Optional<Feedback> vote = Feedback.parse(q.getData());
    String toast = "";
    if (vote.isPresent()) {
      boolean stored = q.getMessage() != null && answerLog.feedback(vote.get().answerId(), q.getMessage().getChatId(),
          q.getMessage().getMessageId(), q.getFrom().getId(), vote.get().value());
      toast = stored ? TelegramReplies.FEEDBACK_THANKS : TelegramReplies.FEEDBACK_NOT_COUNTED;
      var event = stored ? log.atInfo() : log.atWarn();
      event.addKeyValue("answerId", vote.get().answerId()).addKeyValue("value", vote.get().value())
          .addKeyValue("userId", q.getFrom().getId()).addKeyValue("stored", stored).log("feedback");
    }
    telegram.answerCallback(q.getId(), toast);
  }
}

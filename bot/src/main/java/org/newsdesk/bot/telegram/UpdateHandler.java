package org.newsdesk.bot.telegram;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.newsdesk.bot.log.AnswerLog;
import org.newsdesk.bot.log.PendingQuestion;
import org.newsdesk.bot.log.Question;
import org.newsdesk.retrieval.answer.Answer;
import org.newsdesk.retrieval.answer.Answerer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Takes each batch of updates from the poller thread, logs the questions in it durably (before
 * the next {@code getUpdates} confirms them to Telegram), and hands all work to {@link ChatQueues}:
 * nothing slow runs on the poller thread, and this never throws into it.
 */
final class UpdateHandler implements LongPollingUpdateConsumer {
  private static final Logger log = LoggerFactory.getLogger(UpdateHandler.class);
  private static final int SEEN_UPDATES = 10_000;

  /** What the handler needs to know about itself and its limits. */
  record Identity(long botId, String botUsername) {}

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
  }

  /** From now on, updates are left unconfirmed for the next run to receive again. */
  void stopAccepting() {
    accepting.set(false);
  }

  @Override
  public void consume(List<Update> updates) {
    if (!accepting.get()) return;
    try {
      handle(updates);
    } catch (RuntimeException e) { // an exception here would end the library's polling task for good
      log.atError().setCause(e).addKeyValue("updates", updates.size()).log("update batch failed");
    }
  }

  /** A reply to come, in update order, under its chat; a question's task is set once it is logged. */
  private static final class Slot {
    final long chatId;
    Runnable task;

    Slot(long chatId, Runnable task) {
      this.chatId = chatId;
      this.task = task;
    }
  }

  private void handle(List<Update> updates) {
    List<Slot> slots = new ArrayList<>();
    List<Question> questions = new ArrayList<>();
    List<Slot> questionSlots = new ArrayList<>();
    for (Update u : updates) {
      synchronized (seen) {
        if (seen.put(u.getUpdateId(), Boolean.TRUE) != null) continue;
      }
      if (u.hasCallbackQuery()) {
        CallbackQuery q = u.getCallbackQuery();
        queues.detached(() -> feedback(q));
      } else if (u.hasMessage()) {
        route(u, u.getMessage(), slots, questions, questionSlots);
      }
    }
    List<OptionalLong> ids;
    try {
      ids = answerLog.receive(questions);
    } catch (RuntimeException e) {
      String incident = incident();
      log.atError().setCause(e).addKeyValue("incident", incident).addKeyValue("questions", questions.size())
          .log("could not log questions");
      for (int i = 0; i < questions.size(); i++) {
        Question q = questions.get(i);
        Integer replyTo = "private".equals(q.chatType()) ? null : q.messageId();
        questionSlots.get(i).task = () -> say(q.chatId(), TelegramReplies.failure(incident), replyTo);
      }
      ids = List.of();
    }
    for (int i = 0; i < ids.size(); i++) {
      Question q = questions.get(i);
      OptionalLong id = ids.get(i);
      if (id.isEmpty()) {
        log.atInfo().addKeyValue("updateId", q.updateId()).log("redelivered update ignored");
      } else {
        PendingQuestion pending = new PendingQuestion(id.getAsLong(), q);
        questionSlots.get(i).task = () -> answer(pending);
      }
    }
    for (Slot slot : slots) {
      if (slot.task != null) queues.submit(slot.chatId, slot.task);
    }
  }

  private void route(Update u, Message m, List<Slot> slots, List<Question> questions, List<Slot> questionSlots) {
    long chatId = m.getChat().getId();
    long userId = m.getFrom() == null ? 0 : m.getFrom().getId();
    boolean isPrivate = "private".equals(m.getChat().getType());
    Integer replyTo = isPrivate ? null : m.getMessageId();
    Inbound in = Inbound.classify(m, me.botUsername(), me.botId());
    Runnable task = switch (in) {
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
        Slot slot = new Slot(chatId, null);
        slots.add(slot);
        questions.add(new Question(u.getUpdateId(), chatId, userId, m.getChat().getType(), m.getMessageId(), q,
            m.getDate() == null ? clock.getAsLong() : m.getDate() * 1000L));
        questionSlots.add(slot);
        yield null;
      }
    };
    if (task != null) slots.add(new Slot(chatId, task));
  }

  /** Runs a command; a failure is logged with an incident id that the user is told. */
  private void command(Inbound.Command c, long userId, long chatId, boolean isPrivate, Integer replyTo) {
    Optional<String> reply;
    try {
      reply = commands.reply(c.name(), c.args(), userId, isPrivate);
    } catch (RuntimeException e) {
      String incident = incident();
      log.atError().setCause(e).addKeyValue("incident", incident).addKeyValue("command", c.name())
          .addKeyValue("userId", userId).log("command failed");
      reply = Optional.of(TelegramReplies.failure(incident));
    }
    reply.ifPresent(text -> say(chatId, text, replyTo));
  }

  /** Answers a logged question: typing, answer, log it, send it, log the message ids. */
  void answer(PendingQuestion p) {
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
      // Telegram is unreachable: the question stays claimed and unsent; recovery retries it later.
      log.atWarn().setCause(e).addKeyValue("answerId", p.answerId()).log("reply not sent, will retry");
    } catch (RuntimeException e) {
      String incident = incident();
      log.atError().setCause(e).addKeyValue("incident", incident).addKeyValue("answerId", p.answerId())
          .log("answering failed");
      Optional<Integer> apology = Optional.empty();
      try {
        apology = Optional.of(telegram.sendPlain(q.chatId(), TelegramReplies.failure(incident), replyTo, null));
      } catch (RuntimeException sendFailure) {
        log.atWarn().setCause(sendFailure).addKeyValue("incident", incident).log("apology not sent");
      }
      try {
        answerLog.failed(p.answerId(), incident, apology);
      } catch (RuntimeException logFailure) {
        log.atError().setCause(logFailure).addKeyValue("incident", incident).log("failure not logged");
      }
    } finally {
      typing.interrupt();
    }
  }

  /** Sends one part as HTML; if Telegram rejects it, logs Telegram's reason and sends the plain text. */
  private int sendPart(long chatId, MessageSplitter.Part part, Integer replyTo,
                       org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup buttons,
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

  private void feedback(CallbackQuery q) {
    Optional<Feedback> vote = Feedback.parse(q.getData());
    String toast = "";
    if (vote.isPresent()) {
      boolean stored = answerLog.feedback(vote.get().answerId(), q.getFrom().getId(), vote.get().value());
      toast = stored ? TelegramReplies.FEEDBACK_THANKS : TelegramReplies.FEEDBACK_UNKNOWN;
      log.atInfo().addKeyValue("answerId", vote.get().answerId()).addKeyValue("value", vote.get().value())
          .addKeyValue("stored", stored).log("feedback");
    }
    try {
      telegram.answerCallback(q.getId(), toast);
    } catch (RuntimeException e) {
      log.atWarn().setCause(e).log("callback not acknowledged");
    }
  }

  /** Sends plain text, split if long. A failure is logged with an incident id; there is no one else to tell. */
  void say(long chatId, String text, Integer replyTo) {
    try {
      List<Block> blocks = new ArrayList<>();
      for (String p : text.split("\n\n")) if (!p.isBlank()) blocks.add(Block.plain(p));
      List<MessageSplitter.Part> parts = splitter.split(blocks);
      for (int i = 0; i < parts.size(); i++) telegram.sendPlain(chatId, parts.get(i).plain(), i == 0 ? replyTo : null, null);
    } catch (RuntimeException e) {
      log.atWarn().setCause(e).addKeyValue("chatId", chatId).addKeyValue("incident", incident()).log("reply not sent");
    }
  }

  static String incident() {
    byte[] b = new byte[4];
    ThreadLocalRandom.current().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}

package org.newsdesk.bot.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.newsdesk.bot.log.AnswerLog;
import org.newsdesk.bot.log.EditQueue;
import org.newsdesk.bot.log.PendingEdit;
import org.newsdesk.bot.log.PendingQuestion;
import org.newsdesk.bot.review.Moderation;
import org.newsdesk.config.Secret;
import org.newsdesk.config.TelegramConfig;
import org.newsdesk.retrieval.answer.Answerer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.User;

/**
 * The running bot: checks the token with {@code getMe}, answers questions left unsent by an
 * earlier run, long-polls through TelegramBots, carries out queued edits (hides) every couple of
 * seconds, and on {@link #close} stops polling, lets answers in flight finish (bounded) and
 * releases what it did not finish. The answer log and the answerer belong to the caller.
 *
 * <p>Every heartbeat it records that it is alive in the answer log, then takes over the unsent
 * questions of any instance whose heartbeat is older than {@link Timing#deadAfter}: after a crash
 * (kill -9, power loss) the questions in flight are answered again within seconds, by this
 * instance or any other, and each reply continues at its first message not sent.
 * Polling itself, with its HTTP client and threads, is {@link LongPoller}'s.
 */
public final class TelegramBot implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);
  /** Telegram keeps an unconfirmed update for at most a day; an id older than two can never come back. */
  private static final Duration HANDLED_UPDATES_KEPT = Duration.ofDays(2);

  /**
   * Timings; tests shorten them. {@code heartbeat}: how often the instance shows it is alive and
   * looks for questions left unsent; {@code deadAfter}: how old an instance's last heartbeat may be
   * before its claims are taken over (a few heartbeats, so a slow beat is not taken for a death).
   */
  public record Timing(Duration pollTimeout, Duration pollBackOffStart, Duration pollBackOffMax,
                       Duration editInterval, Duration heartbeat, Duration deadAfter,
                       TelegramGateway.Retry retry) {
    public Timing {
      if (deadAfter.compareTo(heartbeat.multipliedBy(2)) < 0) {
        throw new IllegalArgumentException("deadAfter must be at least two heartbeats, got " + deadAfter
            + " for a heartbeat of " + heartbeat);
      }
    }

    public static Timing defaults() {
      return new Timing(Duration.ofSeconds(50), Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(2),
          Duration.ofSeconds(3), Duration.ofSeconds(12), TelegramGateway.Retry.defaults());
    }
  }

  /** The token was refused (401) by the Bot API server. */
  public static final class TokenRejected extends RuntimeException {
    TokenRejected(URI api) {
      super("the Bot API server at " + api + " rejected the token (401 Unauthorized); check "
          + TelegramConfig.TOKEN_ENV, null, false, false);
    }
  }

  private final TelegramConfig config;
  private final Timing timing;
  private final TelegramGateway telegram;
  private final AnswerLog answerLog;
  private final EditQueue edits;
  private final ChatQueues queues = new ChatQueues();
  private final ChoreLog heartbeatLog = new ChoreLog(log, "heartbeat");
  private final ChoreLog recoveryLog = new ChoreLog(log, "answer unsent questions");
  private final ChoreLog editLog = new ChoreLog(log, "carry out edits");
  private final UpdateHandler handler;
  private final User me;
  private final LongSupplier clock;
  private final ScheduledExecutorService chores;
  /** Its own thread, so a slow edit (Telegram retrying) never delays the heartbeat past {@link Timing#deadAfter}. */
  private final ScheduledExecutorService heartbeat;
  private final LongPoller poller;
  private boolean closed;

  /**
   * A token the Bot API server accepted: the gateway that asked {@code getMe} and the bot it
   * answered as. Closing it closes the gateway; a started bot owns it and closes it itself.
   */
  public static final class Connection implements AutoCloseable {
    private final TelegramConfig config;
    private final Timing timing;
    private final TelegramGateway gateway;
    private final User me;

    private Connection(TelegramConfig config, Timing timing, TelegramGateway gateway, User me) {
      this.config = config;
      this.timing = timing;
      this.gateway = gateway;
      this.me = me;
    }

    /** The bot's username, as Telegram knows it. */
    public String username() {
      return me.getUserName();
    }

    @Override
    public void close() {
      gateway.close();
    }
  }

  /**
   * Asks the Bot API server who the token belongs to ({@code getMe}): a refused token fails with
   * {@link TokenRejected}, an unreachable server with {@link TelegramGateway.Unavailable}.
   */
  public static Connection connect(TelegramConfig config, Timing timing) {
    Secret token = config.token().orElseThrow(() -> new IllegalArgumentException(TelegramConfig.TOKEN_ENV + " is not set"));
    TelegramGateway telegram = new TelegramGateway(token.value(), config.apiUrl(), timing.retry());
    try {
      return new Connection(config, timing, telegram, telegram.getMe());
    } catch (TelegramGateway.Rejected e) {
      telegram.close();
      if (e.code() == 401 || e.code() == 404) throw new TokenRejected(config.apiUrl());
      throw e;
    } catch (RuntimeException e) {
      telegram.close();
      throw e;
    }
  }

  private TelegramBot(Connection connection, AnswerLog answerLog, Answerer answerer, Library library,
                      LongSupplier clock) {
    this.config = connection.config;
    this.timing = connection.timing;
    this.clock = clock;
    this.answerLog = answerLog;
    this.edits = new EditQueue(answerLog);
    this.telegram = connection.gateway;
    this.me = connection.me;
    String username = me.getUserName() == null ? "" : me.getUserName();
    BotCommands commands = new BotCommands(config.moderators(), config.maintainers(),
        new Moderation(answerLog.database(), clock), library, clock, username);
    this.handler = new UpdateHandler(new UpdateHandler.Identity(me.getId(), username),
        telegram, answerLog, answerer, commands, queues, new RateLimiter(config.questionsPerMinute()),
        config.maxQuestionChars(), clock);
    this.chores = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("newsdesk-chores").factory());
    this.heartbeat = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().daemon().name("newsdesk-heartbeat").factory());
    this.poller = new LongPoller(timing.pollTimeout(), timing.pollBackOffStart(), timing.pollBackOffMax());
  }

  /**
   * Starts the bot: {@code getMe} (a refused token fails with {@link TokenRejected}), unsent
   * questions of earlier runs, then polling.
   */
  public static TelegramBot start(TelegramConfig config, Timing timing, AnswerLog answerLog, Answerer answerer,
                                  Library library) {
    return start(connect(config, timing), answerLog, answerer, library, System::currentTimeMillis);
  }

  /** Starts the bot on a checked connection: unsent questions of earlier runs, then polling. */
  public static TelegramBot start(Connection connection, AnswerLog answerLog, Answerer answerer, Library library) {
    return start(connection, answerLog, answerer, library, System::currentTimeMillis);
  }

  static TelegramBot start(TelegramConfig config, Timing timing, AnswerLog answerLog, Answerer answerer,
                           Library library, LongSupplier clock) {
    return start(connect(config, timing), answerLog, answerer, library, clock);
  }

  private static TelegramBot start(Connection connection, AnswerLog answerLog, Answerer answerer, Library library,
                                   LongSupplier clock) {
    TelegramBot bot;
    try {
      bot = new TelegramBot(connection, answerLog, answerer, library, clock);
    } catch (RuntimeException e) {
      connection.close();
      throw e;
    }
    try {
      bot.begin();
    } catch (RuntimeException e) {
      bot.close();
      throw e;
    }
    return bot;
  }

  public String username() {
    return me.getUserName();
  }

  private void begin() {
    answerLog.beat();
    answerLog.forgetHandledUpdates(clock.getAsLong() - HANDLED_UPDATES_KEPT.toMillis());
    recoverUnsent();
    poller.start(config, timing.pollTimeout(), handler);
    long edits = timing.editInterval().toMillis();
    chores.scheduleWithFixedDelay(this::carryOutEdits, edits, edits, TimeUnit.MILLISECONDS);
    long beat = timing.heartbeat().toMillis();
    heartbeat.scheduleWithFixedDelay(() -> {
      beat();
      recoverUnsent();
    }, beat, beat, TimeUnit.MILLISECONDS);
    log.atInfo().addKeyValue("bot", me.getUserName()).addKeyValue("api", config.apiUrl()).log("bot polling");
  }

  private void beat() {
    try {
      answerLog.beat();
      heartbeatLog.succeeded();
    } catch (RuntimeException e) {
      heartbeatLog.failed(e);
    }
  }

  /**
   * Answers questions that were logged but never replied to and that no live instance holds (an
   * earlier run stopped or crashed, or Telegram was unreachable).
   */
  private void recoverUnsent() {
    try {
      for (PendingQuestion p : answerLog.claimUnsent(deadBefore(), 100)) {
        log.atInfo().addKeyValue("answerId", p.answerId()).log("answering a question left unsent");
        handler.resume(p);
      }
      recoveryLog.succeeded();
    } catch (RuntimeException e) {
      recoveryLog.failed(e);
    }
  }

  /** Edits readers' messages as moderators asked (hide), from the {@code pending_edits} queue. */
  private void carryOutEdits() {
    try {
      for (PendingEdit e : edits.claim(deadBefore(), 20)) {
        try {
          telegram.editPlain(e.chatId(), e.messageId(), e.newText());
          edits.finished(e.id(), null);
          log.atInfo().addKeyValue("answerId", e.answerId()).addKeyValue("messageId", e.messageId()).log("message edited");
        } catch (TelegramGateway.Rejected r) {
          boolean already = r.getMessage().contains("message is not modified");
          edits.finished(e.id(), already ? null : r.getMessage());
          if (!already) {
            log.atWarn().addKeyValue("answerId", e.answerId()).addKeyValue("description", r.getMessage()).log("edit refused");
          }
        } catch (TelegramGateway.Unavailable u) {
          edits.released(e.id());
          log.atWarn().addKeyValue("answerId", e.answerId()).addKeyValue("error", u.getMessage()).log("edit postponed");
        }
      }
      editLog.succeeded();
    } catch (RuntimeException e) {
      editLog.failed(e);
    }
  }

  /** Instances whose last heartbeat is older than this are dead: their claims are free. */
  private long deadBefore() {
    return clock.getAsLong() - timing.deadAfter().toMillis();
  }

  /** Answers queued or in flight now. */
  int inFlight() {
    return queues.pending();
  }

  /** Stops polling, finishes answers in flight within the grace period, releases the rest. */
  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    if (handler != null) handler.stopAccepting();
    poller.stop();
    if (chores != null) chores.shutdownNow();
    if (heartbeat != null) heartbeat.shutdownNow();
    boolean idle = queues.awaitIdle(config.shutdownGrace());
    if (!idle) log.atWarn().addKeyValue("inFlight", queues.pending()).log("shutdown grace over, answers left unsent");
    queues.close();
    try {
      int released = answerLog.releaseClaims();
      if (released > 0) log.atInfo().addKeyValue("released", released).log("unsent questions left for the next run");
    } catch (RuntimeException e) {
      log.atWarn().setCause(e).log("could not release claims");
    }
    poller.close();
    telegram.close();
    log.atInfo().log("bot stopped");
  }
}

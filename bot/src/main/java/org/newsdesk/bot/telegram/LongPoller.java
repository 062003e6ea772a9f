package org.newsdesk.bot.telegram;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.newsdesk.config.TelegramConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * TelegramBots' long-polling application as the bot runs it: on a daemon thread of its own, with an
 * OkHttp client whose read timeout outlasts the long poll, and {@link PollBackOff} between failed
 * polls. {@link #stop} cancels the poll in flight without counting that as an outage; {@link #close}
 * also shuts down OkHttp's threads, which the application leaves running.
 */
final class LongPoller implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LongPoller.class);

  private final ScheduledExecutorService executor;
  private final PollBackOff backOff;
  private final OkHttpClient http;
  private final TelegramBotsLongPollingApplication app;
  private BotSession session;

  LongPoller(Duration pollTimeout, Duration backOffStart, Duration backOffMax) {
    this.executor = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().daemon().name("newsdesk-poller").factory());
    this.backOff = new PollBackOff(backOffStart, backOffMax);
    this.http = new OkHttpClient.Builder().dispatcher(new Dispatcher())
        .addInterceptor(backOff)
        .connectTimeout(10, TimeUnit.SECONDS)
        .readTimeout(pollTimeout.plusSeconds(15).toMillis(), TimeUnit.MILLISECONDS)
        .build();
    this.app = new TelegramBotsLongPollingApplication(com.fasterxml.jackson.databind.ObjectMapper::new,
        () -> http, () -> executor, () -> backOff);
  }

  /** Starts polling for messages and button presses, handing each batch to {@code consumer}. */
  void start(TelegramConfig config, Duration pollTimeout, LongPollingUpdateConsumer consumer) {
    long pollSeconds = Math.max(0, pollTimeout.toSeconds());
    Function<Integer, GetUpdates> getUpdates = last -> GetUpdates.builder().offset(last + 1).limit(100)
        .timeout((int) pollSeconds).allowedUpdates(List.of("message", "callback_query")).build();
    try {
      session = app.registerBot(config.token().orElseThrow().value(),
          () -> TelegramGateway.telegramUrl(config.apiUrl()), getUpdates, consumer);
    } catch (TelegramApiException e) {
      throw new IllegalStateException("cannot start polling the Bot API at " + config.apiUrl() + ": "
          + e.getClass().getSimpleName(), e);
    }
  }

  /** Stops polling; the poll in flight is cancelled, which is no outage. */
  void stop() {
    backOff.stop();
    if (session != null) session.stop();
    http.dispatcher().cancelAll();
  }

  @Override
  public void close() {
    try {
      app.close();
    } catch (Exception e) {
      log.atDebug().addKeyValue("error", e.toString()).log("polling close failed");
    }
    executor.shutdownNow();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}

package org.newsdesk.bot.telegram;

import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * The Bot API calls the bot makes, through TelegramBots' OkHttp client, with Telegram's fault
 * rules: 429 waits {@code retry_after} and tries again; 5xx and network failures retry with
 * exponential backoff and jitter, a bounded number of times; any other rejection (400, 403)
 * fails at once as {@link Rejected} carrying Telegram's description. Nothing here logs or
 * throws the token.
 */
public final class TelegramGateway implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TelegramGateway.class);

  /** How hard to try: attempts per call, backoff bounds, the longest {@code retry_after} honoured. */
  public record Retry(int attempts, Duration baseBackoff, Duration maxBackoff, Duration maxRetryAfter,
                      Duration callTimeout) {
    public Retry {
      if (attempts < 1) throw new IllegalArgumentException("attempts must be >= 1, got " + attempts);
    }

    public static Retry defaults() {
      return new Retry(6, Duration.ofMillis(300), Duration.ofSeconds(10), Duration.ofSeconds(120), Duration.ofSeconds(60));
    }
  }

  /** Telegram refused the request for good (400, 403, ...); {@code description} is Telegram's. */
  public static final class Rejected extends RuntimeException {
    private final int code;

    Rejected(int code, String description) {
      super(description, null, false, false);
      this.code = code;
    }

    public int code() {
      return code;
    }
  }

  /** Telegram could not be reached, or kept failing, after every retry. */
  public static final class Unavailable extends RuntimeException {
    Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final OkHttpClient http;
  private final OkHttpTelegramClient client;
  private final Retry retry;

  public TelegramGateway(String token, URI apiUrl, Retry retry) {
    this.retry = retry;
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(512);
    dispatcher.setMaxRequestsPerHost(512);
    this.http = new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectTimeout(10, TimeUnit.SECONDS)
        .readTimeout(retry.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .build();
    this.client = new OkHttpTelegramClient(http, token, telegramUrl(apiUrl));
  }

  /** The TelegramBots form of a Bot API base URL such as {@code https://api.telegram.org}. */
  public static TelegramUrl telegramUrl(URI apiUrl) {
    int port = apiUrl.getPort() > 0 ? apiUrl.getPort() : "https".equals(apiUrl.getScheme()) ? 443 : 80;
    return new TelegramUrl(apiUrl.getScheme(), apiUrl.getHost(), port, false);
  }

  public User getMe() {
    return call(new GetMe());
  }

  /** Sends HTML; returns the new message's id. */
  public int sendHtml(long chatId, String html, Integer replyTo, InlineKeyboardMarkup buttons) {
    return send(chatId, html, "HTML", replyTo, buttons);
  }

  /** Sends text as-is (no markup); returns the new message's id. */
  public int sendPlain(long chatId, String text, Integer replyTo, InlineKeyboardMarkup buttons) {
    return send(chatId, text, null, replyTo, buttons);
  }

  private int send(long chatId, String text, String parseMode, Integer replyTo, InlineKeyboardMarkup buttons) {
    SendMessage.SendMessageBuilder<?, ?> b = SendMessage.builder().chatId(chatId).text(text)
        .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build());
    if (parseMode != null) b.parseMode(parseMode);
    if (replyTo != null) {
      b.replyParameters(ReplyParameters.builder().messageId(replyTo).allowSendingWithoutReply(true).build());
    }
    if (buttons != null) b.replyMarkup(buttons);
    Message sent = call(b.build());
    return sent.getMessageId();
  }

  /** Replaces a message's text (plain) and removes its buttons. */
  public void editPlain(long chatId, int messageId, String text) {
    call(EditMessageText.builder().chatId(chatId).messageId(messageId).text(text).build());
  }

  /** "typing..." for a few seconds; best effort, never retried. */
  public void typing(long chatId) {
    try {
      client.executeAsync(SendChatAction.builder().chatId(chatId).action("typing").build())
          .get(retry.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      if (e instanceof InterruptedException) Thread.currentThread().interrupt();
      log.atDebug().addKeyValue("chatId", chatId).addKeyValue("error", e.toString()).log("typing indicator failed");
    }
  }

  /** Acknowledges a button press, with a short toast. */
  public void answerCallback(String callbackId, String text) {
    call(AnswerCallbackQuery.builder().callbackQueryId(callbackId).text(text).build());
  }

  <T extends Serializable> T call(BotApiMethod<T> method) {
    Throwable last = null;
    for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
      long waitMillis;
      try {
        return client.executeAsync(method).get(retry.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Unavailable("interrupted while calling " + method.getMethod(), e);
      } catch (TelegramApiException e) { // validation before sending: our fault, never worth a retry
        throw new Rejected(400, "Bad Request: " + e.getMessage());
      } catch (TimeoutException e) {
        last = e;
        waitMillis = backoff(attempt);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        last = cause;
        if (cause instanceof TelegramApiRequestException r && r.getErrorCode() != null) {
          int code = r.getErrorCode();
          if (code == 429) {
            Integer after = r.getParameters() == null ? null : r.getParameters().getRetryAfter();
            long seconds = Math.min(after == null ? 1 : after, retry.maxRetryAfter().toSeconds());
            waitMillis = seconds * 1000;
            log.atInfo().addKeyValue("method", method.getMethod()).addKeyValue("retryAfter", seconds)
                .log("telegram rate limit, waiting");
          } else if (code >= 500) {
            waitMillis = backoff(attempt);
          } else {
            throw new Rejected(code, r.getApiResponse() == null ? String.valueOf(code) : r.getApiResponse());
          }
        } else if (cause instanceof IOException || cause instanceof TelegramApiRequestException) {
          waitMillis = backoff(attempt); // network failure, or an unreadable (non-JSON) error page
        } else {
          throw new Unavailable(method.getMethod() + " failed: " + cause, cause);
        }
      }
      if (attempt == retry.attempts()) break;
      log.atDebug().addKeyValue("method", method.getMethod()).addKeyValue("attempt", attempt)
          .addKeyValue("waitMs", waitMillis).addKeyValue("error", String.valueOf(last)).log("telegram call retried");
      sleep(waitMillis);
    }
    throw new Unavailable(method.getMethod() + " failed after " + retry.attempts() + " attempts: " + last, last);
  }

  /** Full jitter: a random wait up to base * 2^(attempt-1), capped. */
  private long backoff(int attempt) {
    long ceiling = Math.min(retry.maxBackoff().toMillis(), retry.baseBackoff().toMillis() << Math.min(attempt - 1, 20));
    return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("interrupted while waiting to retry", e);
    }
  }

  /** Inline 👍 / 👎 buttons whose callback data names the answer. */
  public static InlineKeyboardMarkup feedbackButtons(long answerId) {
    var up = org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton.builder()
        .text("👍").callbackData(Feedback.data(answerId, Feedback.UP)).build();
    var down = org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton.builder()
        .text("👎").callbackData(Feedback.data(answerId, Feedback.DOWN)).build();
    return new InlineKeyboardMarkup(List.of(
        new org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow(up, down)));
  }

  /** Stops OkHttp's threads and connections, so the JVM can exit. */
  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}

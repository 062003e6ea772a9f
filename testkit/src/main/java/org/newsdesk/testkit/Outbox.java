package org.newsdesk.testkit;

import static org.newsdesk.testkit.TelegramJson.botMessage;
import static org.newsdesk.testkit.TelegramJson.error;
import static org.newsdesk.testkit.TelegramJson.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import org.newsdesk.testkit.BotApiStandIn.SentMessage;

/**
 * The stand-in's {@code sendMessage} and {@code editMessageText}: the messages the bot sent, as
 * they stand after edits, refused as Telegram refuses them (bad HTML, empty, over
 * {@link #TEXT_LIMIT} characters, an edit that changes nothing), and the failures a test asks for.
 */
final class Outbox {
  /** Telegram's limit on the visible text of one message; the server's rule, kept apart from the bot's. */
  static final int TEXT_LIMIT = 4096;

  private final AtomicInteger nextMessageId;
  private final LongFunction<String> chatType;
  private final List<SentMessage> messages = new ArrayList<>();
  private final AtomicInteger tooManyRequests = new AtomicInteger();
  private final AtomicInteger rejectHtml = new AtomicInteger();
  private volatile int retryAfterSeconds = 1;
  private volatile long sendDelayMillis;

  /**
   * @param nextMessageId the chat's message ids, shared with the users' messages
   * @param chatType the type of a chat ("private", "group", ...) by its id
   */
  Outbox(AtomicInteger nextMessageId, LongFunction<String> chatType) {
    this.nextMessageId = nextMessageId;
    this.chatType = chatType;
  }

  void tooManyRequests(int n, int retryAfter) {
    retryAfterSeconds = retryAfter;
    tooManyRequests.set(n);
  }

  void delaySends(Duration delay) {
    sendDelayMillis = delay.toMillis();
  }

  void rejectNextHtml(int n) {
    rejectHtml.set(n);
  }

  List<SentMessage> messages() {
    synchronized (messages) {
      return List.copyOf(messages);
    }
  }

  ObjectNode send(JsonNode params) {
    if (sendDelayMillis > 0) {
      try {
        Thread.sleep(sendDelayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (tooManyRequests.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      ObjectNode e = error(429, "Too Many Requests: retry after " + retryAfterSeconds);
      e.putObject("parameters").put("retry_after", retryAfterSeconds);
      return e;
    }
    if ("HTML".equalsIgnoreCase(params.path("parse_mode").asText(""))
        && rejectHtml.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return error(400, "Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 0");
    }
    String problem = checkText(params);
    if (problem != null) return error(400, problem);
    long chatId = params.path("chat_id").asLong();
    int id = nextMessageId.getAndIncrement();
    SentMessage m = new SentMessage(chatId, id, params.path("text").asText(), params.path("parse_mode").asText(null),
        params.get("reply_markup"), System.nanoTime());
    synchronized (messages) {
      messages.add(m);
    }
    return ok(botMessage(chatId, chatType.apply(chatId), id, m.text()));
  }

  ObjectNode edit(JsonNode params) {
    String problem = checkText(params);
    if (problem != null) return error(400, problem);
    long chatId = params.path("chat_id").asLong();
    int id = params.path("message_id").asInt();
    synchronized (messages) {
      for (int i = 0; i < messages.size(); i++) {
        SentMessage m = messages.get(i);
        if (m.chatId() == chatId && m.messageId() == id) {
          if (m.text().equals(params.path("text").asText()) && params.get("reply_markup") == null && m.replyMarkup() == null) {
            return error(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
          }
          messages.set(i, new SentMessage(chatId, id, params.path("text").asText(), params.path("parse_mode").asText(null),
              params.get("reply_markup"), m.sentAtNanos()));
          return ok(botMessage(chatId, chatType.apply(chatId), id, params.path("text").asText()));
        }
      }
    }
    return error(400, "Bad Request: message to edit not found");
  }

  private static String checkText(JsonNode params) {
    String text = params.path("text").asText("");
    String visible = text;
    if ("HTML".equalsIgnoreCase(params.path("parse_mode").asText(""))) {
      try {
        visible = TelegramHtmlCheck.visibleText(text);
      } catch (TelegramHtmlCheck.ParseError e) {
        return "Bad Request: can't parse entities: " + e.getMessage();
      }
    }
    if (visible.isBlank()) return "Bad Request: message text is empty";
    if (visible.strip().length() > TEXT_LIMIT) return "Bad Request: message is too long";
    return null;
  }
}

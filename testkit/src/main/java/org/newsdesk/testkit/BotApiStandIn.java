package org.newsdesk.testkit;

import static org.newsdesk.testkit.TelegramJson.MAPPER;
import static org.newsdesk.testkit.TelegramJson.botMessage;
import static org.newsdesk.testkit.TelegramJson.error;
import static org.newsdesk.testkit.TelegramJson.now;
import static org.newsdesk.testkit.TelegramJson.ok;
import static org.newsdesk.testkit.TelegramJson.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A Bot API server on loopback that behaves like Telegram's for the methods the bot uses:
 * {@code getMe}, {@code deleteWebhook}, {@code getUpdates} (long poll with offset
 * confirmation; a waiting poll returns as soon as an update is queued), {@code sendMessage},
 * {@code editMessageText}, {@code sendChatAction}, {@code answerCallbackQuery}. It rejects what
 * Telegram rejects (a wrong token, bad HTML, text over 4,096 characters) with Telegram's error
 * texts, and can be told to fail: 429 with {@code retry_after}, 502 on {@code getUpdates}.
 * Used by the tests and by {@code newsdesk bench bot}. The updates it holds are an
 * {@link UpdateQueue}; the bot's messages, an {@link Outbox}.
 */
public final class BotApiStandIn implements AutoCloseable {
  public static final long BOT_ID = 7_000_001L;
  public static final String BOT_USERNAME = "newsdesk_test_bot";

  /** One request as received, with the HTTP status and Telegram description it got. */
  public record Call(String method, JsonNode params, int status, String description, long atNanos) {}

  /** A message the bot sent, as it stands now (after edits). */
  public record SentMessage(long chatId, int messageId, String text, String parseMode, JsonNode replyMarkup,
                            long sentAtNanos) {}

  private final String token;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final UpdateQueue updates = new UpdateQueue();
  private final Map<Long, String> chatTypes = new ConcurrentHashMap<>();
  private final List<Call> calls = new ArrayList<>();
  private final AtomicInteger nextMessageId = new AtomicInteger(1);
  private final Outbox outbox = new Outbox(nextMessageId, chatId -> chatTypes.getOrDefault(chatId, "private"));
  private final AtomicInteger failGetUpdates = new AtomicInteger();

  public BotApiStandIn(String token) {
    this.token = token;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the Bot API stand-in on loopback", e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** {@code http://127.0.0.1:<port>}: what TELEGRAM_API_URL would hold. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  // ---- what a test or benchmark does to it ----

  /** A text message from a user in a chat; returns its update id. */
  public long text(long chatId, String chatType, long userId, String text) {
    return updates.add(message(chatId, chatType, userId).put("text", text), "message");
  }

  /** A text message that Telegram dated {@code sent} (a backlog the bot reads late); returns its update id. */
  public long textSentAt(long chatId, String chatType, long userId, String text, java.time.Instant sent) {
    return updates.add(message(chatId, chatType, userId).put("date", sent.getEpochSecond()).put("text", text), "message");
  }

  /** A text message that replies to the bot's message {@code repliedTo}. */
  public long replyToBot(long chatId, String chatType, long userId, int repliedTo, String text) {
    ObjectNode m = message(chatId, chatType, userId).put("text", text);
    ObjectNode original = m.putObject("reply_to_message");
    original.put("message_id", repliedTo).put("date", now());
    original.putObject("chat").put("id", chatId).put("type", chatType);
    original.putObject("from").put("id", BOT_ID).put("is_bot", true).put("first_name", "Newsdesk")
        .put("username", BOT_USERNAME);
    original.put("text", "an earlier answer");
    return updates.add(m, "message");
  }

  /** A sticker: a message without text. */
  public long sticker(long chatId, String chatType, long userId) {
    ObjectNode m = message(chatId, chatType, userId);
    m.putObject("sticker").put("file_id", "sticker-1").put("file_unique_id", "u1").put("type", "regular")
        .put("width", 512).put("height", 512).put("is_animated", false).put("is_video", false);
    return updates.add(m, "message");
  }

  /** A photo with a caption (or none, when {@code caption} is null). */
  public long photo(long chatId, String chatType, long userId, String caption) {
    ObjectNode m = message(chatId, chatType, userId);
    ArrayNode sizes = m.putArray("photo");
    sizes.addObject().put("file_id", "photo-1").put("file_unique_id", "p1").put("width", 640).put("height", 480);
    if (caption != null) m.put("caption", caption);
    return updates.add(m, "message");
  }

  /** A press of an inline button under the bot's message. */
  public long callback(long chatId, long userId, int messageId, String data) {
    ObjectNode q = MAPPER.createObjectNode();
    q.put("id", "cb" + updates.nextId()).put("chat_instance", "ci" + chatId).put("data", data);
    q.set("from", user(userId));
    q.set("message", botMessage(chatId, chatTypes.getOrDefault(chatId, "private"), messageId, "an answer"));
    return updates.add(q, "callback_query");
  }

  /** Puts an update that was already delivered back in the queue, as Telegram does when unconfirmed. */
  public void redeliver(long updateId) {
    updates.redeliver(updateId);
  }

  /** The next {@code n} getUpdates calls answer 502 Bad Gateway. */
  public void failGetUpdates(int n) {
    failGetUpdates.set(n);
  }

  /** The next {@code n} sendMessage calls answer 429 with {@code retry_after}. */
  public void tooManyRequests(int n, int retryAfter) {
    outbox.tooManyRequests(n, retryAfter);
  }

  /**
   * Every sendMessage from now on takes this long before the message is posted and answered, as a
   * slow network would: a client that dies meanwhile has sent a message it never learns the id of.
   */
  public void delaySends(Duration delay) {
    outbox.delaySends(delay);
  }

  /** The next {@code n} sendMessage calls with HTML are refused as unparsable, like Telegram would. */
  public void rejectNextHtml(int n) {
    outbox.rejectNextHtml(n);
  }

  public List<Call> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  public List<Call> calls(String method) {
    String m = method.toLowerCase(Locale.ROOT);
    return calls().stream().filter(c -> c.method().equals(m)).toList();
  }

  /** Messages the bot sent to {@code chatId}, oldest first, with edits applied. */
  public List<SentMessage> messages(long chatId) {
    return outbox.messages().stream().filter(m -> m.chatId() == chatId).toList();
  }

  public List<SentMessage> messages() {
    return outbox.messages();
  }

  /** When the update became available to getUpdates (System.nanoTime). */
  public long queuedAtNanos(long updateId) {
    return updates.queuedAtNanos(updateId);
  }

  /** Waits until {@code condition} holds for the calls so far, or fails after {@code timeout}. */
  public void await(Predicate<BotApiStandIn> condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.test(this)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached within " + timeout + "; calls: " + calls().size()
            + ", messages: " + messages().size());
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted");
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  // ---- the server ----

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      String[] parts = path.split("/");
      if (parts.length < 3 || !parts[1].startsWith("bot")) {
        respond(ex, 404, error(404, "Not Found"));
        return;
      }
      String method = parts[parts.length - 1].toLowerCase(Locale.ROOT);
      byte[] body = ex.getRequestBody().readAllBytes();
      JsonNode params = body.length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(body);
      if (!parts[1].substring(3).equals(token)) {
        record(method, params, 401, "Unauthorized");
        respond(ex, 401, error(401, "Unauthorized"));
        return;
      }
      ObjectNode reply = switch (method) {
        case "getme" -> ok(user(BOT_ID).put("is_bot", true).put("username", BOT_USERNAME));
        case "deletewebhook", "sendchataction", "answercallbackquery" -> ok(MAPPER.getNodeFactory().booleanNode(true));
        case "getupdates" -> getUpdates(params);
        case "sendmessage" -> outbox.send(params);
        case "editmessagetext" -> outbox.edit(params);
        default -> error(404, "Not Found: method not found");
      };
      int status = reply.path("ok").asBoolean() ? 200 : reply.path("error_code").asInt(500);
      record(method, params, status, reply.path("description").asText(null));
      respond(ex, status, reply);
    } catch (RuntimeException e) {
      respond(ex, 500, error(500, "Internal Server Error: " + e));
    }
  }

  private ObjectNode getUpdates(JsonNode params) {
    if (failGetUpdates.getAndUpdate(n -> Math.max(0, n - 1)) > 0) return error(502, "Bad Gateway");
    long offset = params.path("offset").asLong(0);
    int limit = Math.max(1, Math.min(100, params.path("limit").asInt(100)));
    long timeoutNanos = TimeUnit.SECONDS.toNanos(Math.max(0, params.path("timeout").asInt(0)));
    return ok(updates.poll(offset, limit, timeoutNanos));
  }

  /** A message from user {@code userId} in the chat, numbered in the chat's sequence, sent now. */
  private ObjectNode message(long chatId, String chatType, long userId) {
    chatTypes.put(chatId, chatType);
    ObjectNode m = MAPPER.createObjectNode();
    m.put("message_id", nextMessageId.getAndIncrement()).put("date", now());
    ObjectNode chat = m.putObject("chat").put("id", chatId).put("type", chatType);
    if (!chatType.equals("private")) chat.put("title", "Group " + chatId);
    m.set("from", user(userId));
    return m;
  }

  private void record(String method, JsonNode params, int status, String description) {
    synchronized (calls) {
      calls.add(new Call(method, params, status, description, System.nanoTime()));
    }
  }

  private void respond(HttpExchange ex, int status, ObjectNode body) throws IOException {
    byte[] bytes = status == 502 ? "<html>502 Bad Gateway</html>".getBytes(StandardCharsets.UTF_8)
        : MAPPER.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", status == 502 ? "text/html" : "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}

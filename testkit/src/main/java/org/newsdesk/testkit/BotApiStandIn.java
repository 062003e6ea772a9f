package org.newsdesk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * A Bot API server on loopback that behaves like Telegram's for the methods the bot uses:
 * {@code getMe}, {@code deleteWebhook}, {@code getUpdates} (long poll with offset
 * confirmation; a waiting poll returns as soon as an update is queued), {@code sendMessage},
 * {@code editMessageText}, {@code sendChatAction}, {@code answerCallbackQuery}. It rejects what
 * Telegram rejects (a wrong token, bad HTML, text over 4,096 characters) with Telegram's error
 * texts, and can be told to fail: 429 with {@code retry_after}, 502 on {@code getUpdates}.
 * Used by the tests and by {@code newsdesk bench bot}.
 */
public final class BotApiStandIn implements AutoCloseable {
  public static final long BOT_ID = 7_000_001L;
  public static final String BOT_USERNAME = "newsdesk_test_bot";
  /** Telegram's limit on the visible text of one message; the server's rule, kept apart from the bot's. */
  static final int TEXT_LIMIT = 4096;

  /** One request as received, with the HTTP status and Telegram description it got. */
  public record Call(String method, JsonNode params, int status, String description, long atNanos) {}

  /** A message the bot sent, as it stands now (after edits). */
  public record SentMessage(long chatId, int messageId, String text, String parseMode, JsonNode replyMarkup,
                            long sentAtNanos) {}

  private final ObjectMapper json = new ObjectMapper();
  private final String token;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition updatesArrived = lock.newCondition();
  private final TreeMap<Long, ObjectNode> queued = new TreeMap<>();
  private final Map<Long, ObjectNode> history = new ConcurrentHashMap<>();
  private final Map<Long, String> chatTypes = new ConcurrentHashMap<>();
  private final Map<Long, Long> updateQueuedAt = new ConcurrentHashMap<>();
  private final List<Call> calls = new ArrayList<>();
  private final List<SentMessage> messages = new ArrayList<>();
  private final AtomicLong nextUpdateId = new AtomicLong(1);
  private final AtomicInteger nextMessageId = new AtomicInteger(1);
  private final AtomicInteger failGetUpdates = new AtomicInteger();
  private final AtomicInteger tooManyRequests = new AtomicInteger();
  private final AtomicInteger rejectHtml = new AtomicInteger();
  private volatile int retryAfterSeconds = 1;
  private volatile long sendDelayMillis;

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
    return enqueue(message(chatId, chatType, userId).put("text", text), "message");
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
    return enqueue(m, "message");
  }

  /** A sticker: a message without text. */
  public long sticker(long chatId, String chatType, long userId) {
    ObjectNode m = message(chatId, chatType, userId);
    m.putObject("sticker").put("file_id", "sticker-1").put("file_unique_id", "u1").put("type", "regular")
        .put("width", 512).put("height", 512).put("is_animated", false).put("is_video", false);
    return enqueue(m, "message");
  }

  /** A photo with a caption (or none, when {@code caption} is null). */
  public long photo(long chatId, String chatType, long userId, String caption) {
    ObjectNode m = message(chatId, chatType, userId);
    ArrayNode sizes = m.putArray("photo");
    sizes.addObject().put("file_id", "photo-1").put("file_unique_id", "p1").put("width", 640).put("height", 480);
    if (caption != null) m.put("caption", caption);
    return enqueue(m, "message");
  }

  /** A press of an inline button under the bot's message. */
  public long callback(long chatId, long userId, int messageId, String data) {
    ObjectNode q = json.createObjectNode();
    q.put("id", "cb" + nextUpdateId.get()).put("chat_instance", "ci" + chatId).put("data", data);
    q.set("from", user(userId));
    ObjectNode m = q.putObject("message");
    m.put("message_id", messageId).put("date", now()).put("text", "an answer");
    m.putObject("chat").put("id", chatId).put("type", chatTypes.getOrDefault(chatId, "private"));
    m.putObject("from").put("id", BOT_ID).put("is_bot", true).put("first_name", "Newsdesk");
    return enqueue(q, "callback_query");
  }

  /** Puts an update that was already delivered back in the queue, as Telegram does when unconfirmed. */
  public void redeliver(long updateId) {
    ObjectNode update = history.get(updateId);
    if (update == null) throw new IllegalArgumentException("no update " + updateId);
    lock.lock();
    try {
      queued.put(updateId, update);
      updatesArrived.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The next {@code n} getUpdates calls answer 502 Bad Gateway. */
  public void failGetUpdates(int n) {
    failGetUpdates.set(n);
  }

  /** The next {@code n} sendMessage calls answer 429 with {@code retry_after}. */
  public void tooManyRequests(int n, int retryAfter) {
    retryAfterSeconds = retryAfter;
    tooManyRequests.set(n);
  }

  /**
   * Every sendMessage from now on takes this long before the message is posted and answered, as a
   * slow network would: a client that dies meanwhile has sent a message it never learns the id of.
   */
  public void delaySends(Duration delay) {
    sendDelayMillis = delay.toMillis();
  }

  /** The next {@code n} sendMessage calls with HTML are refused as unparsable, like Telegram would. */
  public void rejectNextHtml(int n) {
    rejectHtml.set(n);
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
    synchronized (messages) {
      return messages.stream().filter(m -> m.chatId() == chatId).toList();
    }
  }

  public List<SentMessage> messages() {
    synchronized (messages) {
      return List.copyOf(messages);
    }
  }

  /** When the update became available to getUpdates (System.nanoTime). */
  public long queuedAtNanos(long updateId) {
    return updateQueuedAt.getOrDefault(updateId, 0L);
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
      JsonNode params = body.length == 0 ? json.createObjectNode() : json.readTree(body);
      if (!parts[1].substring(3).equals(token)) {
        record(method, params, 401, "Unauthorized");
        respond(ex, 401, error(401, "Unauthorized"));
        return;
      }
      ObjectNode reply = switch (method) {
        case "getme" -> ok(user(BOT_ID).put("is_bot", true).put("username", BOT_USERNAME));
        case "deletewebhook", "sendchataction", "answercallbackquery" -> ok(json.getNodeFactory().booleanNode(true));
        case "getupdates" -> getUpdates(params);
        case "sendmessage" -> sendMessage(params);
        case "editmessagetext" -> editMessageText(params);
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
    ArrayNode result = json.createArrayNode();
    lock.lock();
    try {
      if (offset > 0) queued.headMap(offset).clear();
      while (queued.isEmpty() && timeoutNanos > 0) {
        timeoutNanos = updatesArrived.awaitNanos(timeoutNanos);
      }
      queued.values().stream().limit(limit).forEach(result::add);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
    return ok(result);
  }

  private ObjectNode sendMessage(JsonNode params) {
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
    return ok(messageNode(chatId, id, m.text()));
  }

  private ObjectNode editMessageText(JsonNode params) {
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
          return ok(messageNode(chatId, id, params.path("text").asText()));
        }
      }
    }
    return error(400, "Bad Request: message to edit not found");
  }

  private String checkText(JsonNode params) {
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

  // ---- JSON ----

  private long enqueue(ObjectNode payload, String kind) {
    lock.lock();
    try {
      long id = nextUpdateId.getAndIncrement();
      ObjectNode update = json.createObjectNode();
      update.put("update_id", id);
      update.set(kind, payload);
      history.put(id, update);
      queued.put(id, update);
      updateQueuedAt.put(id, System.nanoTime());
      updatesArrived.signalAll();
      return id;
    } finally {
      lock.unlock();
    }
  }

  private ObjectNode message(long chatId, String chatType, long userId) {
    chatTypes.put(chatId, chatType);
    ObjectNode m = json.createObjectNode();
    m.put("message_id", nextMessageId.getAndIncrement()).put("date", now());
    ObjectNode chat = m.putObject("chat").put("id", chatId).put("type", chatType);
    if (!chatType.equals("private")) chat.put("title", "Group " + chatId);
    m.set("from", user(userId));
    return m;
  }

  private ObjectNode messageNode(long chatId, int id, String text) {
    ObjectNode m = json.createObjectNode();
    m.put("message_id", id).put("date", now()).put("text", text);
    m.putObject("chat").put("id", chatId).put("type", chatTypes.getOrDefault(chatId, "private"));
    m.putObject("from").put("id", BOT_ID).put("is_bot", true).put("first_name", "Newsdesk");
    return m;
  }

  private ObjectNode user(long id) {
    return json.createObjectNode().put("id", id).put("is_bot", false).put("first_name", "User" + id);
  }

  private ObjectNode ok(JsonNode result) {
    ObjectNode n = json.createObjectNode().put("ok", true);
    n.set("result", result);
    return n;
  }

  private ObjectNode error(int code, String description) {
    return json.createObjectNode().put("ok", false).put("error_code", code).put("description", description);
  }

  private void record(String method, JsonNode params, int status, String description) {
    synchronized (calls) {
      calls.add(new Call(method, params, status, description, System.nanoTime()));
    }
  }

  private void respond(HttpExchange ex, int status, ObjectNode body) throws IOException {
    byte[] bytes = status == 502 ? "<html>502 Bad Gateway</html>".getBytes(StandardCharsets.UTF_8)
        : json.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", status == 502 ? "text/html" : "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }
}

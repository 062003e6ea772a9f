package org.newsdesk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The shapes of the Bot API's JSON the stand-in answers with: users, the bot's messages, results and errors. */
final class TelegramJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private TelegramJson() {}

  /** A person (not a bot) with id {@code id}. */
  static ObjectNode user(long id) {
    return MAPPER.createObjectNode().put("id", id).put("is_bot", false).put("first_name", "User" + id);
  }

  /** A message the bot sent: {@code text} as message {@code id} in the chat, sent now. */
  static ObjectNode botMessage(long chatId, String chatType, int id, String text) {
    ObjectNode m = MAPPER.createObjectNode();
    m.put("message_id", id).put("date", now()).put("text", text);
    m.putObject("chat").put("id", chatId).put("type", chatType);
    m.putObject("from").put("id", BotApiStandIn.BOT_ID).put("is_bot", true).put("first_name", "Newsdesk");
    return m;
  }

  /** A successful answer carrying {@code result}. */
  static ObjectNode ok(JsonNode result) {
    ObjectNode n = MAPPER.createObjectNode().put("ok", true);
    n.set("result", result);
    return n;
  }

  /** A refusal as Telegram words it: the HTTP status and its description. */
  static ObjectNode error(int code, String description) {
    return MAPPER.createObjectNode().put("ok", false).put("error_code", code).put("description", description);
  }

  /** Telegram's clock: seconds since the epoch. */
  static long now() {
    return System.currentTimeMillis() / 1000;
  }
}

package org.newsdesk.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.bot.log.AnswerLog;
import org.newsdesk.bot.logging.LogCapture;
import org.newsdesk.bot.review.Moderation;
import org.newsdesk.retrieval.index.IndexUnavailableException;
import org.newsdesk.testkit.BotApiStandIn;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * A failure while handling one update: the user who sent it is told an incident id, the log line
 * of the failure carries the same id, once, and every other update is handled as if nothing happened.
 */
class UpdateFailureTest {
  static final String INCIDENT_REPLY = "Sorry, something went wrong while answering\\. If you report it, mention incident"
      + " ([0-9a-f]{8})\\.";

  @TempDir Path dir;
  BotFixture f;

  @BeforeEach
  void setUp() {
    f = new BotFixture(dir);
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  /** An update as Telegram sends it: a private text message from {@code userId}. */
  private static Update privateText(int updateId, long chatId, long userId, String text) throws Exception {
    return new ObjectMapper().readValue("""
        {"update_id": %d, "message": {"message_id": %d, "date": 1700000000, "text": "%s",
          "chat": {"id": %d, "type": "private"},
          "from": {"id": %d, "is_bot": false, "first_name": "Reader"}}}"""
        .formatted(updateId, updateId, text, chatId, userId), Update.class);
  }

  @Test
  void should_answer_the_rest_of_the_batch_and_tell_the_failing_update_its_incident_when_routing_one_fails()
      throws Exception {
    AtomicInteger reads = new AtomicInteger();
    LongSupplier clockFailingOnItsSecondRead = () -> {
      if (reads.incrementAndGet() == 2) throw new IllegalStateException("clock read failed");
      return System.currentTimeMillis();
    };
    AnswerLog answerLog = new AnswerLog(f.database, "routing-test");
    ChatQueues queues = new ChatQueues();
    try (TelegramGateway telegram = new TelegramGateway(BotFixture.TOKEN, f.api.url(), BotFixture.timing().retry());
         LogCapture logs = LogCapture.under(dir)) {
      UpdateHandler handler = new UpdateHandler(new UpdateHandler.Identity(BotApiStandIn.BOT_ID, BotApiStandIn.BOT_USERNAME),
          telegram, answerLog, new Fakes.ScriptedAnswerer(Fakes::bridgeAnswer),
          new BotCommands(Set.of(), Set.of(), new Moderation(answerLog.database(), System::currentTimeMillis), f.library, System::currentTimeMillis,
              BotApiStandIn.BOT_USERNAME),
          queues, new RateLimiter(100), 200, clockFailingOnItsSecondRead);

      handler.consume(List.of(privateText(1, 11, 101, "When was the bridge approved?"),
          privateText(2, 12, 102, "And who voted?"), privateText(3, 13, 103, "When does work start?")));
      assertThat(queues.awaitIdle(Duration.ofSeconds(15))).isTrue();

      assertThat(f.api.messages(11)).extracting(BotApiStandIn.SentMessage::text).containsExactly(TelegramBotTest.BRIDGE_HTML);
      assertThat(f.api.messages(13)).extracting(BotApiStandIn.SentMessage::text).containsExactly(TelegramBotTest.BRIDGE_HTML);
      assertThat(f.api.messages(12)).singleElement().extracting(BotApiStandIn.SentMessage::text).asString()
          .matches(INCIDENT_REPLY);
      String incident = f.api.messages(12).get(0).text().replaceAll(INCIDENT_REPLY, "$1");
      assertThat(logs.file().lines().filter(l -> l.contains("incident=" + incident)))
          .singleElement().asString().contains(" ERROR ", "update failed", "updateId=2");
      assertThat(logs.file()).containsOnlyOnce("java.lang.IllegalStateException: clock read failed");
    } finally {
      queues.close();
      answerLog.close();
    }
  }

  @Test
  void should_always_answer_the_button_press_and_say_so_when_the_vote_cannot_be_recorded() throws Exception {
    f.start(new Fakes.ScriptedAnswerer(Fakes::bridgeAnswer));
    f.api.text(1, "private", BotFixture.READER, "When was the bridge approved?");
    f.await(a -> a.messages(1).size() == 1 && f.bot.inFlight() == 0);
    long answerId = Long.parseLong(f.query("SELECT id FROM answers"));
    try (var c = f.database.open()) {
      c.createStatement().executeUpdate("DROP TABLE feedback"); // the answer log can no longer record votes
    }

    f.api.callback(1, BotFixture.READER, f.api.messages(1).get(0).messageId(), "fb:" + answerId + ":up");
    f.await(a -> a.calls("answerCallbackQuery").size() == 1);

    assertThat(f.api.calls("answerCallbackQuery").get(0).params().path("text").asText())
        .matches("Sorry, your vote could not be recorded \\(incident [0-9a-f]{8}\\)\\.");
  }

  @Test
  void should_reply_with_an_incident_id_in_the_one_format_when_a_command_fails() throws Exception {
    f.library.failure = new IllegalStateException("articles folder vanished");
    try (LogCapture logs = LogCapture.under(dir)) {
      f.start(new Fakes.ScriptedAnswerer(Fakes::bridgeAnswer));

      f.api.text(2, "private", BotFixture.MAINTAINER, "/reindex");
      f.api.text(2, "private", BotFixture.MAINTAINER, "/stats");
      f.await(a -> a.messages(2).size() == 2 && f.bot.inFlight() == 0);
      f.stop();

      assertThat(f.api.messages(2).get(0).text()).matches(INCIDENT_REPLY);
      assertThat(f.api.messages(2).get(1).text()).startsWith("Today (UTC): ");
      String incident = f.api.messages(2).get(0).text().replaceAll(INCIDENT_REPLY, "$1");
      assertThat(logs.file().lines().filter(l -> l.contains(incident))).singleElement().asString()
          .contains(" ERROR ", "update failed");
      assertThat(logs.file()).containsOnlyOnce("java.lang.IllegalStateException: articles folder vanished");
    }
  }

  @Test
  void should_say_the_articles_are_unavailable_and_answer_again_when_the_index_comes_back() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    try (LogCapture logs = LogCapture.under(dir)) {
      f.start(new Fakes.ScriptedAnswerer(q -> {
        if (calls.incrementAndGet() == 1) {
          throw new IndexUnavailableException("http://search:9200 (index newsdesk-passages)", "Connection refused", null);
        }
        return Fakes.bridgeAnswer(q);
      }));

      f.api.text(1, "private", BotFixture.READER, "When was the bridge approved?");
      f.await(a -> a.messages(1).size() == 1 && f.bot.inFlight() == 0);
      f.api.text(1, "private", BotFixture.READER, "When was the bridge approved?");
      f.await(a -> a.messages(1).size() == 2 && f.bot.inFlight() == 0);
      f.stop();

      assertThat(f.api.messages(1)).extracting(BotApiStandIn.SentMessage::text).containsExactly(
          "Sorry, the articles are unavailable right now. Please ask again in a few minutes.",
          TelegramBotTest.BRIDGE_HTML);
      assertThat(f.query("SELECT state FROM answers ORDER BY id LIMIT 1")).isEqualTo("failed");
      assertThat(logs.file().lines().filter(l -> l.contains("articles unavailable"))).singleElement().asString()
          .contains(" WARN ", "the passage index at http://search:9200 (index newsdesk-passages) is unavailable");
      assertThat(logs.file()).doesNotContain("IndexUnavailableException");
    }
  }
}

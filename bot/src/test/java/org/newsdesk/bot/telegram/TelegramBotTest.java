package org.newsdesk.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.bot.log.AnswerLog;
import org.newsdesk.bot.log.Question;
import org.newsdesk.bot.log.Replies;
import org.newsdesk.bot.log.ReplyText;
import org.newsdesk.bot.review.Moderation;
import org.newsdesk.config.AnswerMode;
import org.newsdesk.retrieval.answer.Answer;
import org.newsdesk.testkit.BotApiStandIn;
import org.newsdesk.testkit.TelegramHtmlCheck;

class TelegramBotTest {
  static final String BRIDGE_HTML = """
      The council approved the new bridge in March [1].

      <b>Sources</b>

      [1] <b>Council backs river bridge</b>
      Riverside Gazette · 2024-03-12
      <a href="https://example.org/bridge?id=1&amp;x=2">https://example.org/bridge?id=1&amp;x=2</a>
      <blockquote>The council voted 7 to 2 to approve the bridge.</blockquote>""";

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

  @Test
  void should_send_the_cited_answer_with_buttons_when_a_reader_asks_in_private() throws Exception {
    var answerer = new Fakes.ScriptedAnswerer(Fakes::bridgeAnswer);
    f.start(answerer);

    f.api.text(1, "private", BotFixture.READER, "When was the bridge approved?");
    f.await(a -> a.messages(1).size() == 1 && f.bot.inFlight() == 0 && !a.calls("sendChatAction").isEmpty());

    BotApiStandIn.SentMessage reply = f.api.messages(1).get(0);
    assertThat(reply.text()).isEqualTo(BRIDGE_HTML);
    assertThat(reply.parseMode()).isEqualTo("HTML");
    long answerId = Long.parseLong(f.query("SELECT id FROM answers"));
    assertThat(reply.replyMarkup().toString())
        .contains("\"callback_data\":\"fb:" + answerId + ":up\"", "\"callback_data\":\"fb:" + answerId + ":down\"");
    assertThat(answerer.asked()).containsExactly("telegram:1 When was the bridge approved?");
    assertThat(f.api.calls("sendChatAction")).isNotEmpty();
    assertThat(f.query("SELECT state || ' ' || answered || ' ' || mode FROM answers")).isEqualTo("sent 1 extractive");
    assertThat(f.query("SELECT part || ' ' || chat_id || ' ' || message_id FROM reply_messages"))
        .isEqualTo("0 1 " + reply.messageId());
    assertThat(f.query("SELECT answer_text FROM answers")).isEqualTo(BRIDGE_HTML);
    assertThat(f.query("SELECT quote || ' | ' || supported FROM citations"))
        .isEqualTo("The council voted 7 to 2 to approve the bridge. | 1");
    assertThat(f.query("SELECT COUNT(*) FROM retrieved")).isEqualTo("1");
    assertThat(f.query("SELECT COUNT(*) FROM sentence_checks")).isEqualTo("1");
  }

  @Test
  void should_answer_as_of_the_day_telegram_dated_the_question_when_it_is_read_late() throws Exception {
    var answerer = new Fakes.ScriptedAnswerer(Fakes::bridgeAnswer);
    f.start(answerer);

    f.api.textSentAt(1, "private", BotFixture.READER, "When was the bridge approved?",
        Instant.parse("2024-03-08T23:59:00Z"));
    f.await(a -> a.messages(1).size() == 1);

    assertThat(answerer.days()).containsExactly(LocalDate.of(2024, 3, 8));
  }

  @Test
  void should_escape_markup_from_the_question_when_the_answer_repeats_it() throws Exception {
    f.start(new Fakes.ScriptedAnswerer(q -> new Answer(true, "You asked: " + q, AnswerMode.EXTRACTIVE, List.of(),
        List.of(), List.of(), Optional.empty(), q)));

    f.api.text(1, "private", BotFixture.READER, "Is <b>this</b> a <script>alert(1)</script> & co?");
    f.await(a -> a.messages(1).size() == 1);

    assertThat(f.api.messages(1).get(0).text())
        .isEqualTo("You asked: Is &lt;b&gt;this&lt;/b&gt; a &lt;script&gt;alert(1)&lt;/script&gt; &amp; co?");
    assertThat(f.api.calls("sendMessage")).allSatisfy(c -> assertThat(c.status()).isEqualTo(200));
  }

  @Test
  void should_split_a_long_answer_into_valid_messages_when_it_exceeds_telegrams_limit() throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; text.length() < 6000; i++) text.append("Sentence ").append(i).append(" says <that> & more. ");
    String longText = text.toString().strip();
    f.start(new Fakes.ScriptedAnswerer(q -> new Answer(true, longText, AnswerMode.EXTRACTIVE, List.of(), List.of(),
        List.of(), Optional.empty(), q)));

    f.api.text(1, "private", BotFixture.READER, "Tell me everything");
    f.await(a -> a.messages(1).size() >= 2 && f.bot.inFlight() == 0);

    List<BotApiStandIn.SentMessage> parts = f.api.messages(1);
    assertThat(f.api.calls("sendMessage")).allSatisfy(c -> assertThat(c.status()).isEqualTo(200));
    StringBuilder visible = new StringBuilder();
    for (BotApiStandIn.SentMessage p : parts) {
      assertThat(p.text().length()).isLessThanOrEqualTo(4096);
      visible.append(TelegramHtmlCheck.visibleText(p.text())).append(' ');
    }
    assertThat(visible.toString().replaceAll("\\s+", " ").strip()).isEqualTo(longText);
    assertThat(parts.get(parts.size() - 1).replyMarkup()).isNotNull();
    assertThat(parts.get(0).replyMarkup()).isNull();
  }

  @Test
  void should_wait_retry_after_and_send_when_telegram_answers_429() throws Exception {
    f.start(new Fakes.ScriptedAnswerer(Fakes::bridgeAnswer));
    f.api.tooManyRequests(1, 1);

    f.api.text(1, "private", BotFixture.READER, "When was the bridge approved?");
    f.await(a -> a.messages(1).size() == 1);

    List<BotApiStandIn.Call> sends = f.api.calls("sendMessage");
    assertThat(sends).extracting(BotApiStandIn.Call::status).containsExactly(429, 200);
    assertThat(sends.get(1).atNanos() - sends.get(0).atNanos()).isGreaterThanOrEqualTo(1_000_000_000L);
    assertThat(f.api.messages(1).get(0).text()).isEqualTo(BRIDGE_HTML);
  }

  @Test
  void should_keep_polling_when_get_updates_fails_three_times() throws Exception {
    f.start(new Fakes.ScriptedAnswerer(Fakes::bridgeAnswer));
    f.await(a -> !a.calls("getUpdates").isEmpty());
    f.api.failGetUpdates(3);
    // A poll already waiting when the failures were set still answers 200; ask once they started.
    f.await(a -> a.calls("getUpdates").stream().anyMatch(c -> c.status() == 502));

    f.api.text(1, "private", BotFixture.READER, "When was the bridge approved?");
    f.await(a -> a.messages(1).size() == 1);

    assertThat(f.api.calls("getUpdates")).extracting(BotApiStandIn.Call::status).containsSubsequence(502, 502, 502, 200);
    assertThat(f.api.messages(1).get(0).text()).isEqualTo(BRIDGE_HTML);
  }

  @Test
  void should_answer_every_question_once_in_order_when_fifty_chats_ask_at_once() throws Exception {
    var answerer = new Fakes.ScriptedAnswerer(q -> {
      try {
        Thread.sleep(q.endsWith("first") ? 30 : 1); // the first question is slower, yet must stay first
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new Answer(true, "Answer to " + q, AnswerMode.EXTRACTIVE, List.of(), List.of(), List.of(),
          Optional.empty(), q);
    });
    f.start(answerer);

    for (int chat = 1; chat <= 50; chat++) f.api.text(chat, "private", 1000 + chat, "chat " + chat + " first");
    for (int chat = 1; chat <= 50; chat++) f.api.text(chat, "private", 1000 + chat, "chat " + chat + " second");
    f.await(a -> a.messages().size() >= 100 && f.bot.inFlight() == 0);

    assertThat(f.api.messages()).hasSize(100);
    for (int chat = 1; chat <= 50; chat++) {
      assertThat(f.api.messages(chat)).extracting(BotApiStandIn.SentMessage::text)
          .containsExactly("Answer to chat " + chat + " first", "Answer to chat " + chat + " second");
    }
    assertThat(answerer.asked()).hasSize(100).doesNotHaveDuplicates();
    assertThat(f.query("SELECT COUNT(*) FROM answers WHERE state = 'sent'")).isEqualTo("100");
  }

  @Test
  void should_store_feedback_when_a_reader_presses_a_button() throws Exception {
    f.start(new Fakes.ScriptedAnswerer(Fakes::bridgeAnswer));
    f.api.text(1, "private", BotFixture.READER, "When was the bridge approved?");
    f.await(a -> a.messages(1).size() == 1 && f.bot.inFlight() == 0);
    long answerId = Long.parseLong(f.query("SELECT id FROM answers"));

    f.api.callback(1, BotFixture.READER, f.api.messages(1).get(0).messageId(), "fb:" + answerId + ":down");
    f.await(a -> a.calls("answerCallbackQuery").size() == 1);

    assertThat(f.api.calls("answerCallbackQuery").get(0).params().path("text").asText()).isEqualTo("Thanks for the feedback!");
    assertThat(f.query("SELECT answer_id || ' ' || user_id || ' ' || value FROM feedback"))
        .isEqualTo(answerId + " " + BotFixture.READER + " -1");
  }

  @Test
  void should_refuse_a_reader_and_serve_a_moderator_when_review_is_asked() throws Exception {
    f.start(new Fakes.ScriptedAnswerer(Fakes::notFound));
    f.api.text(1, "private", BotFixture.READER, "Who won the match?");
    f.await(a -> a.messages(1).size() == 1 && f.bot.inFlight() == 0);
    long answerId = Long.parseLong(f.query("SELECT id FROM answers"));

    f.api.text(1, "private", BotFixture.READER, "/review");
    f.api.text(2, "private", BotFixture.MODERATOR, "/review");
    f.await(a -> a.messages(1).size() == 2 && a.messages(2).size() == 1);

    assertThat(f.api.messages(1).get(1).text()).isEqualTo("Sorry, that command is only for the newsdesk team.");
    assertThat(f.api.messages(2).get(0).text())
        .startsWith("<b>Answers that need a look</b> (newest first; /show N for one):\n#" + answerId + " ")
        .endsWith(" · not found · \"Who won the match?\"");
  }

  @Test
  void should_edit_the_readers_message_to_a_notice_when_a_moderator_hides_the_answer() throws Exception {
    f.start(new Fakes.ScriptedAnswerer(Fakes::bridgeAnswer));
    f.api.text(1, "private", BotFixture.READER, "When was the bridge approved?");
    f.await(a -> a.messages(1).size() == 1 && f.bot.inFlight() == 0);
    long answerId = Long.parseLong(f.query("SELECT id FROM answers"));

    f.api.text(2, "private", BotFixture.MODERATOR, "/hide " + answerId);
    f.await(a -> a.messages(1).get(0).text().equals("This answer was removed by a moderator."));

    assertThat(f.api.messages(2).get(0).text()).isEqualTo("Answer #" + answerId
        + " hidden; 1 message will be replaced with a notice within a few seconds.");
    assertThat(f.api.messages(1).get(0).replyMarkup()).isNull();
    assertThat(f.query("SELECT hidden FROM answers")).isEqualTo("1");
    assertThat(f.query("SELECT action || ' ' || moderator FROM moderation_actions")).isEqualTo("hide telegram:500");
    f.awaitQuery("SELECT COUNT(*) FROM pending_edits WHERE done_at IS NOT NULL AND error IS NULL", "1");
  }

  @Test
  void should_carry_out_a_hide_from_the_review_page_that_was_queued_while_the_bot_was_down() throws Exception {
    f.start(new Fakes.ScriptedAnswerer(Fakes::bridgeAnswer));
    f.api.text(1, "private", BotFixture.READER, "When was the bridge approved?");
    f.await(a -> a.messages(1).size() == 1 && f.bot.inFlight() == 0);
    long answerId = Long.parseLong(f.query("SELECT id FROM answers"));
    f.stop();

    // The review page writes to the log only; no bot is running to act on it yet.
    new Moderation(f.database, System::currentTimeMillis).act(answerId, Moderation.Action.HIDE, "review:Ana", null);
    assertThat(f.api.messages(1).get(0).text()).isNotEqualTo("This answer was removed by a moderator.");

    f.start(new Fakes.ScriptedAnswerer(Fakes::bridgeAnswer));
    f.await(a -> a.messages(1).get(0).text().equals("This answer was removed by a moderator."));

    assertThat(f.api.messages(1).get(0).replyMarkup()).isNull();
    assertThat(f.query("SELECT action || ' ' || moderator FROM moderation_actions")).isEqualTo("hide review:Ana");
    f.awaitQuery("SELECT COUNT(*) FROM pending_edits WHERE done_at IS NOT NULL AND error IS NULL", "1");
  }

  @Test
  void should_answer_each_question_once_when_the_bot_restarts_with_questions_queued() throws Exception {
    var answerer = new Fakes.ScriptedAnswerer(Fakes::bridgeAnswer);
    f.start(answerer);
    f.api.text(1, "private", BotFixture.READER, "first question");
    f.await(a -> a.messages(1).size() == 1 && f.bot.inFlight() == 0);
    f.stop();

    f.api.text(1, "private", BotFixture.READER, "asked while stopped");
    f.api.text(2, "private", 77, "also asked while stopped");
    f.start(answerer);
    f.await(a -> a.messages(1).size() == 2 && a.messages(2).size() == 1);
    Thread.sleep(300); // anything doubled would arrive now

    // Chats proceed in parallel, so only the order within a chat is promised.
    assertThat(answerer.asked()).containsExactlyInAnyOrder("telegram:1 first question",
        "telegram:1 asked while stopped", "telegram:2 also asked while stopped");
    assertThat(answerer.asked()).filteredOn(q -> q.startsWith("telegram:1 "))
        .containsExactly("telegram:1 first question", "telegram:1 asked while stopped");
    assertThat(f.api.messages()).hasSize(3);
  }

  @Test
  void should_not_answer_twice_when_an_update_is_delivered_again() throws Exception {
    var answerer = new Fakes.ScriptedAnswerer(Fakes::bridgeAnswer);
    f.start(answerer);
    long update = f.api.text(1, "private", BotFixture.READER, "When was the bridge approved?");
    f.await(a -> a.messages(1).size() == 1 && f.bot.inFlight() == 0);
    f.stop();

    f.api.redeliver(update);
    f.api.text(1, "private", BotFixture.READER, "And when does work start?");
    f.start(answerer);
    f.await(a -> a.messages(1).size() == 2);
    Thread.sleep(300);

    assertThat(answerer.asked()).containsExactly("telegram:1 When was the bridge approved?",
        "telegram:1 And when does work start?");
    assertThat(f.query("SELECT COUNT(*) FROM answers")).isEqualTo("2");
  }

  @Test
  void should_answer_a_logged_but_unsent_question_when_the_bot_starts() throws Exception {
    try (var log = new org.newsdesk.bot.log.AnswerLog(f.database, "crashed")) {
      log.receive(List.of(new org.newsdesk.bot.log.Question(99, 3, BotFixture.READER, "private", 5,
          "Asked before a crash", 1_000)));
    }
    try (var c = f.database.open()) {
      c.createStatement().executeUpdate("UPDATE answers SET claimed_at = 0"); // its instance died long ago
    }

    var answerer = new Fakes.ScriptedAnswerer(Fakes::bridgeAnswer);
    f.start(answerer);
    f.await(a -> a.messages(3).size() == 1 && f.bot.inFlight() == 0);

    assertThat(answerer.asked()).containsExactly("telegram:3 Asked before a crash");
    assertThat(f.query("SELECT state FROM answers")).isEqualTo("sent");
  }

  @Test
  void should_reply_politely_when_the_message_is_not_a_text_question() throws Exception {
    f.start(new Fakes.ScriptedAnswerer(Fakes::bridgeAnswer));

    f.api.sticker(1, "private", BotFixture.READER);
    f.api.text(1, "private", BotFixture.READER, "   ");
    f.api.text(1, "private", BotFixture.READER, "x".repeat(201));
    f.await(a -> a.messages(1).size() == 3);

    assertThat(f.api.messages(1)).extracting(BotApiStandIn.SentMessage::text).containsExactly(
        "I can only read text questions.",
        "Your question is empty. Write it after /ask, for example: /ask What did the minister announce?",
        "That question is too long (201 characters). Please keep it under 200 characters.");
  }

  @Test
  void should_answer_in_a_group_only_when_addressed() throws Exception {
    var answerer = new Fakes.ScriptedAnswerer(Fakes::bridgeAnswer);
    f.start(answerer);

    f.api.text(-100, "supergroup", 1, "chatting among ourselves");
    f.api.sticker(-100, "supergroup", 1);
    f.api.text(-100, "supergroup", 1, "/ask When was the bridge approved?");
    f.api.text(-100, "supergroup", 2, "@" + BotApiStandIn.BOT_USERNAME + " who voted?");
    f.api.replyToBot(-100, "supergroup", 3, 1, "and the cost?");
    f.api.text(-100, "supergroup", 4, "/ask@other_bot not for us");
    f.await(a -> a.messages(-100).size() == 3 && f.bot.inFlight() == 0);
    Thread.sleep(200);

    assertThat(answerer.asked()).containsExactly("telegram:-100 When was the bridge approved?",
        "telegram:-100 who voted?", "telegram:-100 and the cost?");
    assertThat(f.api.calls("sendMessage").get(0).params().path("reply_parameters").path("message_id").asInt())
        .isPositive();
  }

  @Test
  void should_say_so_politely_when_a_reader_asks_too_fast() throws Exception {
    f.questionsPerMinute = 2;
    f.start(new Fakes.ScriptedAnswerer(Fakes::notFound));

    for (int i = 0; i < 3; i++) f.api.text(1, "private", BotFixture.READER, "question " + i);
    f.await(a -> a.messages(1).size() == 3);

    assertThat(f.api.messages(1)).extracting(BotApiStandIn.SentMessage::text).containsExactly(
        "I couldn't find that in the articles.", "I couldn't find that in the articles.",
        "You are asking faster than I can keep up (2 questions a minute). Please wait a moment and ask again.");
  }

  @Test
  void should_apologise_with_an_incident_id_when_answering_fails() throws Exception {
    f.start(new Fakes.ScriptedAnswerer(q -> {
      throw new IllegalStateException("index is gone");
    }));

    f.api.text(1, "private", BotFixture.READER, "anything");
    f.await(a -> a.messages(1).size() == 1 && f.bot.inFlight() == 0);

    String incident = f.query("SELECT incident_id FROM answers");
    assertThat(incident).matches("[0-9a-f]{8}");
    assertThat(f.api.messages(1).get(0).text()).isEqualTo(
        "Sorry, something went wrong while answering. If you report it, mention incident " + incident + ".");
    assertThat(f.query("SELECT state FROM answers")).isEqualTo("failed");
  }

  @Test
  void should_send_plain_text_when_telegram_rejects_the_html() throws Exception {
    f.start(new Fakes.ScriptedAnswerer(Fakes::bridgeAnswer));
    f.api.rejectNextHtml(1);

    f.api.text(1, "private", BotFixture.READER, "When was the bridge approved?");
    f.await(a -> a.messages(1).size() == 1 && f.bot.inFlight() == 0);

    assertThat(f.api.calls("sendMessage")).extracting(BotApiStandIn.Call::status).containsExactly(400, 200);
    BotApiStandIn.SentMessage sent = f.api.messages(1).get(0);
    assertThat(sent.parseMode()).isNull();
    assertThat(sent.text()).startsWith("The council approved the new bridge in March [1].\n\nSources\n\n[1] Council backs");
    assertThat(sent.replyMarkup()).isNotNull();
  }

  @Test
  void should_run_stats_and_reindex_for_maintainers_only() throws Exception {
    f.start(new Fakes.ScriptedAnswerer(Fakes::bridgeAnswer));

    f.api.text(1, "private", BotFixture.MODERATOR, "/reindex");
    f.api.text(2, "private", BotFixture.MAINTAINER, "/reindex");
    f.api.text(2, "private", BotFixture.MAINTAINER, "/stats");
    f.api.text(3, "private", BotFixture.READER, "/sources");
    f.await(a -> a.messages(1).size() == 1 && a.messages(2).size() == 2 && a.messages(3).size() == 1);

    assertThat(f.api.messages(1).get(0).text()).isEqualTo("Sorry, that command is only for the newsdesk team.");
    assertThat(f.api.messages(2)).extracting(BotApiStandIn.SentMessage::text).containsExactly(
        "Reindexed samples: 1 indexed, 4 unchanged, 0 deleted, 0 rejected.",
        "Today (UTC): 0 questions, 0 answered, 0 not found, 0 failed.\nFeedback today: 👍 0 / 👎 0.");
    assertThat(f.library.reindexes).isEqualTo(1);
    assertThat(f.api.messages(3).get(0).text()).isEqualTo(
        "I know 5 articles, published from 2014-03-01 to 2024-05-02.\nLast reindexed 2025-01-02 10:15 UTC.");
  }

  @Test
  void should_refuse_to_start_without_printing_the_token_when_the_server_answers_401() {
    var answerLog = new org.newsdesk.bot.log.AnswerLog(f.database, "t");
    String wrong = "987654321:WRONGtokenWRONGtokenWRONGtoken";

    assertThatThrownBy(() -> TelegramBot.start(f.config(wrong), BotFixture.timing(), answerLog,
        new Fakes.ScriptedAnswerer(Fakes::bridgeAnswer), f.library))
        .isInstanceOf(TelegramBot.TokenRejected.class)
        .hasMessage("the Bot API server at " + f.api.url()
            + " rejected the token (401 Unauthorized); check TELEGRAM_BOT_TOKEN")
        .message().doesNotContain("WRONGtoken");
    answerLog.close();
  }


  @Test
  void should_resume_a_reply_at_its_first_unsent_message_when_its_instance_died_while_sending_it() throws Exception {
    long id;
    try (var crashed = new AnswerLog(f.database, "crashed", () -> System.currentTimeMillis() - 60_000)) {
      crashed.beat(); // its last heartbeat, a minute ago
      id = crashed.receive(List.of(new Question(99, 3, BotFixture.READER, "private", 5, "Tell me all", 1_000)))
          .get(0).getAsLong();
      crashed.answered(id, Fakes.bridgeAnswer("tell me all"), List.of(new ReplyText("<b>one</b>", "one"),
          new ReplyText("two", "two"), new ReplyText("<i>three</i>", "three")), 10);
      Replies replies = new Replies(crashed);
      replies.begin(id, 0);
      replies.delivered(id, 0, 9001);
      replies.begin(id, 1); // killed while Telegram had the second message: it may have reached the reader
    }
    var answerer = new Fakes.ScriptedAnswerer(Fakes::bridgeAnswer);

    f.start(answerer);
    f.await(a -> a.messages(3).size() == 1 && f.bot.inFlight() == 0);
    f.awaitQuery("SELECT state FROM answers", "sent");

    BotApiStandIn.SentMessage third = f.api.messages(3).get(0);
    assertThat(third.text()).isEqualTo("<i>three</i>");
    assertThat(third.replyMarkup().toString()).contains("\"callback_data\":\"fb:" + id + ":down\"");
    assertThat(answerer.asked()).as("the stored reply is sent, not a new answer").isEmpty();
    assertThat(f.query("SELECT COUNT(*) FROM reply_messages WHERE message_id IS NOT NULL")).isEqualTo("2");
    Moderation moderation = new Moderation(f.database, System::currentTimeMillis);
    assertThat(moderation.answer(id).orElseThrow().replyMessageIds()).isEqualTo("9001, " + third.messageId()
        + " and 1 message of unknown id (the bot stopped while sending it; hiding cannot reach it)");
    assertThat(moderation.act(id, Moderation.Action.HIDE, "review:ana", null)).contains(new Moderation.Outcome(true, 2));
  }

  @Test
  void should_take_over_the_questions_of_an_instance_within_seconds_when_its_heartbeat_stops() throws Exception {
    long lastBeat = System.nanoTime();
    try (var killed = new AnswerLog(f.database, "killed")) {
      killed.beat(); // alive a moment ago, then killed with its question claimed and unanswered
      killed.receive(List.of(new Question(99, 3, BotFixture.READER, "private", 5, "Asked before a kill", 1_000)));
    }
    var answerer = new Fakes.ScriptedAnswerer(Fakes::bridgeAnswer);

    f.start(answerer);
    f.await(a -> a.messages(3).size() == 1 && f.bot.inFlight() == 0);

    long sinceLastBeatMs = (System.nanoTime() - lastBeat) / 1_000_000;
    assertThat(sinceLastBeatMs).as("taken over once the heartbeat is a second old, not after a fixed timeout")
        .isBetween(BotFixture.timing().deadAfter().toMillis() - 50, 6_000L);
    assertThat(answerer.asked()).containsExactly("telegram:3 Asked before a kill");
    assertThat(f.api.messages(3).get(0).text()).isEqualTo(BRIDGE_HTML);
  }

  @Test
  void should_count_a_vote_only_from_the_chat_and_message_that_carried_the_answer() throws Exception {
    f.start(new Fakes.ScriptedAnswerer(Fakes::bridgeAnswer));
    f.api.text(1, "private", BotFixture.READER, "When was the bridge approved?");
    f.api.text(2, "private", 666, "When was the bridge approved?");
    f.await(a -> a.messages(1).size() == 1 && a.messages(2).size() == 1 && f.bot.inFlight() == 0);
    long readers = Long.parseLong(f.query("SELECT id FROM answers WHERE chat_id = 1"));
    int readersMessage = f.api.messages(1).get(0).messageId();
    int attackersMessage = f.api.messages(2).get(0).messageId();

    f.api.callback(2, 666, attackersMessage, "fb:" + readers + ":down"); // another answer's id under one's own
    f.api.callback(2, 666, readersMessage, "fb:" + readers + ":down"); // the reader's message id, from another chat
    f.api.callback(2, 666, attackersMessage, "fb:" + (readers + 1000) + ":down"); // no such answer
    f.await(a -> a.calls("answerCallbackQuery").size() == 3);
    f.api.callback(1, BotFixture.READER, readersMessage, "fb:" + readers + ":up");
    f.await(a -> a.calls("answerCallbackQuery").size() == 4);

    assertThat(f.api.calls("answerCallbackQuery")).extracting(c -> c.params().path("text").asText())
        .containsExactly("This vote can't be counted.", "This vote can't be counted.", "This vote can't be counted.",
            "Thanks for the feedback!");
    assertThat(f.query("SELECT COUNT(*) FROM feedback")).isEqualTo("1");
    assertThat(f.query("SELECT answer_id || ' ' || user_id || ' ' || value FROM feedback"))
        .isEqualTo(readers + " " + BotFixture.READER + " 1");
  }

  @Test
  void should_say_too_fast_once_and_log_every_refused_question_when_a_chat_floods_the_bot() throws Exception {
    f.questionsPerMinute = 10;
    f.start(new Fakes.ScriptedAnswerer(Fakes::notFound));

    for (int i = 0; i < 30; i++) f.api.text(1, "private", BotFixture.READER, "question " + i);
    f.awaitQuery("SELECT COUNT(*) FROM answers WHERE state IN ('sent', 'refused')", "30");
    f.await(a -> a.messages(1).size() >= 11 && f.bot.inFlight() == 0);
    Thread.sleep(300); // a second notice would arrive now

    assertThat(f.api.messages(1)).extracting(BotApiStandIn.SentMessage::text)
        .filteredOn(t -> t.startsWith("You are asking faster")).containsExactly(
            "You are asking faster than I can keep up (10 questions a minute). Please wait a moment and ask again.");
    assertThat(f.api.messages(1)).hasSize(11);
    assertThat(f.query("SELECT COUNT(*) FROM answers WHERE state = 'refused'"
        + " AND refusal LIKE 'asked faster than 10 questions a minute%'")).isEqualTo("20");
    assertThat(f.query("SELECT question FROM answers WHERE state = 'refused' ORDER BY update_id")).isEqualTo("question 10");
  }

  @Test
  void should_run_a_command_press_or_sticker_once_when_its_update_is_delivered_again_after_a_restart() throws Exception {
    f.start(new Fakes.ScriptedAnswerer(Fakes::bridgeAnswer));
    f.api.text(1, "private", BotFixture.READER, "When was the bridge approved?");
    f.await(a -> a.messages(1).size() == 1 && f.bot.inFlight() == 0);
    long answerId = Long.parseLong(f.query("SELECT id FROM answers"));
    long reindex = f.api.text(2, "private", BotFixture.MAINTAINER, "/reindex");
    long press = f.api.callback(1, BotFixture.READER, f.api.messages(1).get(0).messageId(), "fb:" + answerId + ":up");
    long sticker = f.api.sticker(1, "private", BotFixture.READER);
    f.await(a -> a.messages(2).size() == 1 && a.messages(1).size() == 2 && a.calls("answerCallbackQuery").size() == 1);
    f.stop();

    f.api.redeliver(reindex);
    f.api.redeliver(press);
    f.api.redeliver(sticker);
    f.api.text(2, "private", BotFixture.MAINTAINER, "/stats");
    f.start(new Fakes.ScriptedAnswerer(Fakes::bridgeAnswer));
    f.await(a -> a.messages(2).size() == 2 && f.bot.inFlight() == 0);
    Thread.sleep(300);

    assertThat(f.library.reindexes).isEqualTo(1);
    assertThat(f.api.messages(2).get(1).text()).startsWith("Today (UTC): 1 questions");
    assertThat(f.api.messages(1)).hasSize(2);
    assertThat(f.api.calls("answerCallbackQuery")).hasSize(1);
  }

  @Test
  void should_answer_a_question_sent_as_a_photo_caption_and_measure_it_without_its_spaces() throws Exception {
    var answerer = new Fakes.ScriptedAnswerer(Fakes::bridgeAnswer);
    f.start(answerer);
    String spaced = "  When   was the\n\n bridge" + " ".repeat(300) + "approved?  ";

    f.api.photo(1, "private", BotFixture.READER, "When was the bridge approved?");
    f.api.text(2, "private", BotFixture.READER, spaced);
    f.api.text(3, "private", BotFixture.READER, "  " + "x  ".repeat(101) + " ");
    f.await(a -> a.messages(1).size() == 1 && a.messages(2).size() == 1 && a.messages(3).size() == 1
        && f.bot.inFlight() == 0);

    assertThat(f.api.messages(1).get(0).text()).isEqualTo(BRIDGE_HTML);
    assertThat(f.api.messages(2).get(0).text()).isEqualTo(BRIDGE_HTML);
    assertThat(answerer.asked()).containsExactlyInAnyOrder("telegram:1 When was the bridge approved?",
        "telegram:2 When was the bridge approved?");
    assertThat(f.api.messages(3).get(0).text())
        .isEqualTo("That question is too long (201 characters). Please keep it under 200 characters.");
    assertThat(f.query("SELECT refusal FROM answers WHERE chat_id = 3"))
        .isEqualTo("too long: 201 characters, over the limit of 200");
  }

  @Test
  void should_answer_team_commands_in_a_group_only_with_a_pointer_and_render_show_as_html_in_private()
      throws Exception {
    f.start(new Fakes.ScriptedAnswerer(Fakes::bridgeAnswer));
    f.api.text(1, "private", BotFixture.READER, "Is the <b>bridge</b> & tram approved?");
    f.await(a -> a.messages(1).size() == 1 && f.bot.inFlight() == 0);
    long answerId = Long.parseLong(f.query("SELECT id FROM answers"));

    f.api.text(-100, "supergroup", BotFixture.MODERATOR, "/review");
    f.api.text(-100, "supergroup", BotFixture.MODERATOR, "/show " + answerId);
    f.api.text(-100, "supergroup", BotFixture.READER, "/show@" + BotApiStandIn.BOT_USERNAME + " " + answerId);
    f.api.text(2, "private", BotFixture.MODERATOR, "/show " + answerId);
    f.await(a -> a.messages(-100).size() == 3 && a.messages(2).size() == 1 && f.bot.inFlight() == 0);

    assertThat(f.api.messages(-100)).extracting(BotApiStandIn.SentMessage::text).containsOnly(
        "Team commands work only in a private chat with me: @" + BotApiStandIn.BOT_USERNAME);
    assertThat(f.api.calls("sendMessage")).allSatisfy(c -> assertThat(c.status()).isEqualTo(200));
    BotApiStandIn.SentMessage shown = f.api.messages(2).get(0);
    assertThat(shown.parseMode()).isEqualTo("HTML");
    assertThat(shown.text()).contains("<b>Question</b>: Is the &lt;b&gt;bridge&lt;/b&gt; &amp; tram approved?",
        "<b>Answer as sent</b>\n\nThe council approved the new bridge in March [1].\n\n<b>Sources</b>\n\n"
            + "[1] <b>Council backs river bridge</b>");
    assertThat(TelegramHtmlCheck.visibleText(shown.text())).contains("Question: Is the <b>bridge</b> & tram approved?",
        "[1] Council backs river bridge\nRiverside Gazette · 2024-03-12");
  }
}

package org.newsdesk.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.newsdesk.bot.log.AnswerLog;
import org.newsdesk.bot.log.LogDatabase;
import org.newsdesk.bot.log.LogWrites;
import org.newsdesk.bot.log.Question;
import org.newsdesk.bot.log.Refusal;
import org.newsdesk.bot.log.TestDatabases;
import org.newsdesk.bot.review.Moderation;
import org.newsdesk.bot.review.QueueFilter;
import org.newsdesk.bot.review.QueueRow;
import org.newsdesk.testkit.TelegramHtmlCheck;

/** The moderators' Telegram commands and the review page acting on one answer log, on both databases. */
class ModeratorCommandsTest {
  private static final long MODERATOR = 500;
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void should_bring_an_answer_back_to_review_when_flagged_in_telegram_after_an_approve_on_the_page(TestDatabases kind) {
    LogDatabase db = kind.create(dir);
    try (AnswerLog log = new AnswerLog(db, "bot")) {
      long id = sentAnswer(log, 77);
      log.feedback(id, 42, 77, 9, -1);
      BotCommands commands = commands(log);
      Moderation page = new Moderation(db, System::currentTimeMillis);
      assertThat(reply(commands, "review", "")).endsWith("#" + id + " 1970-01-01 00:00 UTC · 👎1 · \"question 1\"");
      page.act(id, Moderation.Action.APPROVE, "review:ana", null);
      assertThat(reply(commands, "review", "")).isEqualTo("Nothing needs a look right now.");
      assertThat(pageQueue(page)).isEmpty();

      String flagged = reply(commands, "flag", Long.toString(id));

      assertThat(flagged).isEqualTo("Answer #" + id + " flagged.");
      assertThat(reply(commands, "review", "")).isEqualTo("<b>Answers that need a look</b> (newest first; /show N for one):\n#"
          + id + " 1970-01-01 00:00 UTC · 👎1 · flagged · \"question 1\"");
      assertThat(pageQueue(page)).containsExactly(id);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void should_queue_no_second_edit_when_an_answer_is_hidden_twice_in_telegram(TestDatabases kind) throws Exception {
    LogDatabase db = kind.create(dir);
    try (AnswerLog log = new AnswerLog(db, "bot")) {
      long id = sentAnswer(log, 77);
      BotCommands commands = commands(log);

      String first = reply(commands, "hide", Long.toString(id));
      String second = reply(commands, "hide", Long.toString(id));

      assertThat(count(db, "SELECT COUNT(*) FROM pending_edits")).isEqualTo(1);
      assertThat(count(db, "SELECT COUNT(*) FROM moderation_actions WHERE action = 'hide'")).isEqualTo(2);
      assertThat(first).isEqualTo("Answer #" + id + " hidden; 1 message will be replaced with a notice within a few seconds.");
      assertThat(second).isEqualTo("Answer #" + id + " was already hidden; its messages were queued for the notice then.");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void should_show_an_answer_in_full_with_its_evidence_feedback_and_history(TestDatabases kind) throws Exception {
    LogDatabase db = kind.create(dir);
    try (AnswerLog log = new AnswerLog(db, "bot", () -> 5_000L)) {
      long id = log.receive(List.of(new Question(7, 42, 43, "private", 5, "When was <b>the</b> bridge approved?", 1_000)))
          .get(0).getAsLong();
      LogWrites.deliver(log, id, Fakes.bridgeAnswer("when was the bridge approved"), TelegramBotTest.BRIDGE_HTML, 77);
      log.feedback(id, 42, 77, 9, -1);
      log.feedback(id, 42, 77, 10, 1);
      BotCommands commands = commands(log);
      reply(commands, "flag", Long.toString(id));
      reply(commands, "note", id + " Check the <vote> count.");

      String shown = reply(commands, "show", "#" + id);

      assertThat(shown).isEqualTo("<b>Answer #" + id + "</b> (update 7)\n"
          + "Asked 1970-01-01 00:00 UTC by user 43 in private chat 42\n"
          + "State: sent, answered, mode extractive, 42 ms, flagged\n"
          + "Feedback: 👍1 👎1\n\n"
          + "<b>Question</b>: When was &lt;b&gt;the&lt;/b&gt; bridge approved?\n"
          + "Searched: when was the bridge approved\n\n"
          + "<b>Answer as sent</b>\n\n"
          + TelegramBotTest.BRIDGE_HTML + "\n\n"
          + "<b>Citations</b>\n[1] <b>Council backs river bridge</b> (gazette-bridge#0, score 0.910, supported): "
          + "The council voted 7 to 2 to approve the bridge.\n\n"
          + "<b>Sentence checks</b>\nok 0.83 [1] The council approved the new bridge in March [1].\n\n"
          + "<b>Moderation</b>\nflag by telegram:500\nnote by telegram:500: Check the &lt;vote&gt; count.");
      assertThat(TelegramHtmlCheck.visibleText(shown)).contains("Question: When was <b>the</b> bridge approved?",
          "[1] Council backs river bridge\nRiverside Gazette · 2024-03-12\nhttps://example.org/bridge?id=1&x=2\n"
              + "The council voted 7 to 2 to approve the bridge.");
      assertThat(reply(commands, "show", Long.toString(id + 1))).isEqualTo("There is no answer #" + (id + 1) + ".");
      assertThat(reply(commands, "show", "x")).isEqualTo("Usage: /show N (N is the answer id shown by /review).");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void should_only_point_to_the_private_chat_when_a_team_command_is_sent_in_a_group(TestDatabases kind) throws Exception {
    LogDatabase db = kind.create(dir);
    try (AnswerLog log = new AnswerLog(db, "bot")) {
      long id = sentAnswer(log, 77);
      BotCommands commands = new BotCommands(Set.of(MODERATOR), Set.of(MODERATOR),
          new Moderation(db, System::currentTimeMillis), new Fakes.FakeLibrary(), System::currentTimeMillis,
          "newsdesk_test_bot");

      for (long user : new long[] {MODERATOR, 42}) {
        for (String[] c : new String[][] {{"review", ""}, {"show", "" + id}, {"hide", "" + id}, {"flag", "" + id},
            {"note", id + " hi"}, {"stats", ""}, {"reindex", ""}}) {
          assertThat(html(commands.reply(c[0], c[1], user, false).orElseThrow())).as(user + " /" + c[0])
              .isEqualTo("Team commands work only in a private chat with me: @newsdesk_test_bot");
        }
      }
      assertThat(count(db, "SELECT COUNT(*) FROM moderation_actions")).isZero();
      assertThat(count(db, "SELECT COUNT(*) FROM pending_edits")).isZero();
      assertThat(html(commands.reply("help", "", 42, false).orElseThrow())).startsWith("How to ask:");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void should_count_todays_questions_and_votes_when_asked_for_stats(TestDatabases kind) {
    LogDatabase db = kind.create(dir);
    try (AnswerLog log = new AnswerLog(db, "bot", () -> 5_000L)) {
      long id = log.receive(List.of(new Question(7, 42, 43, "private", 5, "When was the bridge approved?", 1_000)))
          .get(0).getAsLong();
      LogWrites.deliver(log, id, Fakes.bridgeAnswer("when was the bridge approved"), "The council approved it [1].", 77);
      long missing = log.receive(List.of(new Question(8, 42, 43, "private", 6, "Who won?", 2_000))).get(0).getAsLong();
      LogWrites.deliver(log, missing, Fakes.notFound("who won"), "I couldn't find that in the articles.", 78);
      long broken = log.receive(List.of(new Question(9, 42, 43, "private", 7, "Why?", 3_000))).get(0).getAsLong();
      log.failed(broken, "ab12cd34", Optional.of(79));
      log.receive(List.of(new Question(10, 42, 43, "private", 8, "Yesterday?", -1_000)));
      log.receive(List.of(new Refusal(new Question(11, 42, 43, "private", 9, "Again?", 4_000),
          "asked faster than 10 questions a minute")));
      log.feedback(id, 42, 77, 9, -1);
      log.feedback(id, 42, 77, 10, 1);
      log.feedback(missing, 42, 78, 10, -1);
      BotCommands commands = new BotCommands(Set.of(), Set.of(MODERATOR), new Moderation(db, () -> 5_000L),
          new Fakes.FakeLibrary(), () -> 80_000_000L, "newsdesk_test_bot");

      assertThat(reply(commands, "stats", "")).isEqualTo(
          "Today (UTC): 4 questions, 1 answered, 1 not found, 1 failed, 1 refused.\nFeedback today: 👍 1 / 👎 2.");
    }
  }

  private static long sentAnswer(AnswerLog log, int messageId) {
    long id = log.receive(List.of(new Question(1, 42, 42, "private", 5, "question 1", 1_000))).get(0).getAsLong();
    LogWrites.deliver(log, id, messageId);
    return id;
  }

  private static BotCommands commands(AnswerLog log) {
    return new BotCommands(Set.of(MODERATOR), Set.of(), new Moderation(log.database(), System::currentTimeMillis),
        new Fakes.FakeLibrary(), System::currentTimeMillis, "newsdesk_test_bot");
  }

  /** The ids the review page lists under "Needs a look" ({@code /?look=1}). */
  private static List<Long> pageQueue(Moderation page) {
    return page.queue(QueueFilter.fromParams(Map.of("look", "1")::get), Optional.empty(), 50).rows().stream()
        .map(QueueRow::id).toList();
  }

  /** The reply's Telegram HTML as one text, its blocks separated by blank lines. */
  private static String reply(BotCommands commands, String name, String args) {
    return html(commands.reply(name, args, MODERATOR, true).orElseThrow());
  }

  private static String html(List<Block> blocks) {
    return String.join("\n\n", blocks.stream().map(Block::html).toList());
  }

  private static long count(LogDatabase db, String sql) throws Exception {
    try (Connection c = db.open(); ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

package org.newsdesk.bot.telegram;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.newsdesk.bot.log.AnswerLog;
import org.newsdesk.bot.log.LogDatabase;
import org.newsdesk.config.LogConfig;
import org.newsdesk.config.Secret;
import org.newsdesk.config.TelegramConfig;
import org.newsdesk.retrieval.answer.Answerer;
import org.newsdesk.testkit.BotApiStandIn;

/** A stand-in Bot API, an answer log in a temp folder, and a bot with short timings wired to both. */
final class BotFixture implements AutoCloseable {
  static final String TOKEN = "123456789:TESTtokenForTheStandInOnly_abcdef";
  static final long MODERATOR = 500;
  static final long MAINTAINER = 600;
  static final long READER = 42;
  static final Duration WAIT = Duration.ofSeconds(15);

  final BotApiStandIn api = new BotApiStandIn(TOKEN);
  final LogDatabase database;
  final Fakes.FakeLibrary library = new Fakes.FakeLibrary();
  int questionsPerMinute = 1000;
  TelegramBot bot;
  AnswerLog answerLog;
  private int instances;

  BotFixture(Path dir) {
    this(new LogDatabase(new LogConfig("jdbc:sqlite:" + dir.resolve("answers.db"), Optional.empty(),
        Optional.empty())).migrate());
  }

  /** A fixture over an answer log made elsewhere (a PostgreSQL one, say). */
  BotFixture(LogDatabase database) {
    this.database = database;
  }

  static TelegramBot.Timing timing() {
    return new TelegramBot.Timing(Duration.ofSeconds(2), Duration.ofMillis(20), Duration.ofMillis(100),
        Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofSeconds(1),
        new TelegramGateway.Retry(4, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(3),
            Duration.ofSeconds(5)));
  }

  TelegramConfig config(String token) {
    return new TelegramConfig(api.url(), Optional.of(new Secret(token)), Set.of(MODERATOR), Set.of(MAINTAINER),
        200, questionsPerMinute, Duration.ofSeconds(5));
  }

  BotFixture start(Answerer answerer) {
    answerLog = new AnswerLog(database, "test-" + (++instances));
    bot = TelegramBot.start(config(TOKEN), timing(), answerLog, answerer, library);
    return this;
  }

  void stop() {
    bot.close();
    answerLog.close();
    bot = null;
  }

  void await(Predicate<BotApiStandIn> condition) {
    api.await(condition, WAIT);
  }

  /** The first column of the first row of {@code sql}, as text. */
  String query(String sql) throws Exception {
    try (Connection c = database.open(); ResultSet rs = c.createStatement().executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /** Waits until {@code sql} gives {@code expected}. */
  void awaitQuery(String sql, String expected) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!expected.equals(query(sql))) {
      if (System.nanoTime() > deadline) throw new AssertionError(sql + " never gave " + expected + ", last " + query(sql));
      Thread.sleep(10);
    }
  }

  @Override
  public void close() {
    if (bot != null) stop();
    api.close();
  }
}

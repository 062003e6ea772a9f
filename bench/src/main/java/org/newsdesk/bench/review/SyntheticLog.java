package org.newsdesk.bench.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.SplittableRandom;
import org.newsdesk.bot.log.LogDatabase;
import org.newsdesk.bot.review.ReviewStoreException;

/**
 * Fills an answer log with invented answers for the review benchmark: a year of questions with
 * realistic shares of 👎 (3%), 👍 (10%), not found (20%), unsupported citations (5%), flagged
 * (0.5%), hidden (0.2%) and chat types. Rows go in batched, in transactions of 5,000.
 */
public final class SyntheticLog {
  /** A word in about one question in a thousand, for timing a rare text search. */
  public static final String RARE_WORD = "lighthouse";
  static final long START = 1_704_067_200_000L; // 2024-01-01T00:00:00Z
  static final long SPAN = 365L * 86_400_000L;
  private static final String[] TOPICS = {"the tram line", "the city budget", "the harbour", "the new stadium",
      "the election", "the school reform", "the river flood", "bus fares", "the airport", "the heat wave",
      "the hospital strike", "the bridge repairs", "housing prices", "the football club", "the museum"};
  private static final String[] ASKS = {"What happened with", "When will", "Who decided on", "How much does",
      "Why did they close", "Is there news about", "What did the mayor say about", "Where is"};
  private static final String[] CHATS = {"private", "private", "private", "private", "private", "private",
      "private", "group", "group", "supergroup"};

  private final LogDatabase db;

  public SyntheticLog(LogDatabase db) {
    this.db = db;
  }

  /** Answers already in the log. */
  public long count() {
    try (Connection c = db.open(); ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM answers")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new ReviewStoreException("cannot count answers", e);
    }
  }

  /** Fills an empty log with {@code n} answers (ids 1..n); asked times rise with the id. */
  public void generate(long n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long base = 0;
    if (count() > 0) throw new IllegalStateException("the benchmark log must start empty: " + db.safeUrl());
    try (Connection c = db.open()) {
      c.setAutoCommit(false);
      try (PreparedStatement answers = c.prepareStatement("INSERT INTO answers (update_id, chat_id, user_id,"
          + " chat_type, asked_at, question, state, answered, answer_text, mode, unsupported, latency_ms,"
          + " flagged, hidden, approved) VALUES (?, ?, ?, ?, ?, ?, 'sent', ?, ?, 'extractive', ?, ?, ?, ?, 0)");
           PreparedStatement replies = c.prepareStatement(
               "INSERT INTO reply_messages (answer_id, part, chat_id, sending_at, message_id) VALUES (?, 0, ?, ?, ?)");
           PreparedStatement feedback = c.prepareStatement(
               "INSERT INTO feedback (answer_id, user_id, value, at) VALUES (?, ?, ?, ?)")) {
        for (long i = 0; i < n; i++) {
          long k = base + i;
          long askedAt = START + (SPAN * k) / Math.max(n + base, 1) + random.nextInt(1000);
          long user = 10_000 + random.nextInt(50_000);
          boolean found = random.nextInt(100) >= 20;
          String topic = TOPICS[random.nextInt(TOPICS.length)];
          String question = ASKS[random.nextInt(ASKS.length)] + " " + topic
              + (random.nextInt(1000) == 0 ? " near the " + RARE_WORD : "") + "?";
          answers.setLong(1, 1_000_000_000L + k);
          String chat = CHATS[random.nextInt(CHATS.length)];
          long chatId = chat.equals("private") ? user : -100_000 - random.nextInt(300);
          answers.setLong(2, chatId);
          answers.setLong(3, user);
          answers.setString(4, chat);
          answers.setLong(5, askedAt);
          answers.setString(6, question);
          answers.setInt(7, found ? 1 : 0);
          answers.setString(8, found
              ? "According to the articles, " + topic + " is discussed in detail [1]. Officials expect changes next month [2]."
              : "I couldn't find that in the articles.");
          answers.setInt(9, found && random.nextInt(100) < 6 ? 1 + random.nextInt(2) : 0);
          answers.setLong(10, 20 + random.nextInt(400));
          answers.setInt(11, random.nextInt(1000) < 5 ? 1 : 0);
          answers.setInt(12, random.nextInt(1000) < 2 ? 1 : 0);
          answers.addBatch();
          // an empty log numbers its answers 1, 2, 3... in insert order
          replies.setLong(1, k + 1);
          replies.setLong(2, chatId);
          replies.setLong(3, askedAt + 1_000);
          replies.setLong(4, 100_000 + k);
          replies.addBatch();
          int vote = random.nextInt(100);
          if (vote < 13) {
            feedback.setLong(1, k + 1);
            feedback.setLong(2, user);
            feedback.setInt(3, vote < 3 ? -1 : 1);
            feedback.setLong(4, askedAt + 60_000);
            feedback.addBatch();
          }
          if ((i + 1) % 5_000 == 0 || i == n - 1) {
            answers.executeBatch();
            replies.executeBatch();
            feedback.executeBatch();
            c.commit();
          }
        }
      }
      // Planner statistics, as a log that grew over months would have them.
      c.setAutoCommit(true);
      try (java.sql.Statement st = c.createStatement()) {
        st.execute("ANALYZE");
      }
    } catch (SQLException e) {
      throw new ReviewStoreException("cannot generate the benchmark log", e);
    }
  }
}

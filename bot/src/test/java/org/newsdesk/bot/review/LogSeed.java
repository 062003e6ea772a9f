package org.newsdesk.bot.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.newsdesk.bot.log.LogDatabase;
import org.newsdesk.bot.log.QuestionVector;

/** Writes invented answers into an answer log the way the bot would, for review tests. */
final class LogSeed {
  private static final AtomicLong UPDATES = new AtomicLong(1000);
  private final LogDatabase db;

  LogSeed(LogDatabase db) {
    this.db = db;
  }

  /** An answer to write; fields have sensible defaults and fluent setters. */
  static final class Entry {
    String question = "When does the new tram line open?";
    String answerText = "The line opens in <b>May</b> [1].\n\n<b>[1] City approves tram</b>\n<blockquote>The tram line opens in May.</blockquote>";
    Boolean answered = true;
    Instant askedAt = Instant.parse("2025-03-10T09:00:00Z");
    String chatType = "private";
    long chatId = 501;
    long userId = 501;
    int unsupported = 0;
    long[] replies = {77};
    String mode = "extractive";
    boolean citation = true;
    String vectorModel;
    float[] vector;

    Entry question(String q) { question = q; return this; }
    Entry answer(String a) { answerText = a; return this; }
    Entry notFound() { answered = false; answerText = "I couldn't find that in the articles."; citation = false; return this; }
    Entry at(String iso) { askedAt = Instant.parse(iso); return this; }
    Entry chat(String type, long id) { chatType = type; chatId = id; return this; }
    Entry unsupported(int n) { unsupported = n; return this; }
    Entry replies(long... ids) { replies = ids; return this; }
    Entry vector(String model, float... v) { vectorModel = model; vector = v; return this; }
  }

  static Entry entry() {
    return new Entry();
  }

  long insert(Entry e) {
    try (Connection c = db.open()) {
      long id;
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO answers (update_id, chat_id, user_id, chat_type,"
          + " question_message_id, asked_at, question, state, answered, answer_text, mode, query, unsupported,"
          + " latency_ms, answered_at, sent_at) VALUES (?, ?, ?, ?, 5, ?, ?, 'sent', ?, ?, ?, ?, ?, 42, ?, ?)",
          Statement.RETURN_GENERATED_KEYS)) {
        long at = e.askedAt.toEpochMilli();
        ps.setLong(1, UPDATES.incrementAndGet());
        ps.setLong(2, e.chatId);
        ps.setLong(3, e.userId);
        ps.setString(4, e.chatType);
        ps.setLong(5, at);
        ps.setString(6, e.question);
        ps.setObject(7, e.answered == null ? null : (e.answered ? 1 : 0));
        ps.setString(8, e.answerText);
        ps.setString(9, e.mode);
        ps.setString(10, e.question.toLowerCase());
        ps.setInt(11, e.unsupported);
        ps.setLong(12, at + 42);
        ps.setLong(13, at + 60);
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          id = keys.getLong(1);
        }
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO reply_messages (answer_id, part, chat_id,"
          + " sending_at, message_id) VALUES (?, ?, ?, ?, ?)")) {
        for (int part = 0; part < e.replies.length; part++) {
          ps.setLong(1, id);
          ps.setInt(2, part);
          ps.setLong(3, e.chatId);
          ps.setLong(4, e.askedAt.toEpochMilli() + 60);
          ps.setLong(5, e.replies[part]);
          ps.executeUpdate();
        }
      }
      if (e.vector != null) {
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO question_vectors (answer_id, model, vector) VALUES (?, ?, ?)")) {
          ps.setLong(1, id);
          ps.setString(2, e.vectorModel);
          ps.setBytes(3, QuestionVector.bytes(e.vector));
          ps.executeUpdate();
        }
      }
      if (e.citation) {
        String passage = "Council members met on Tuesday. The tram line opens in May. Tickets cost two euros.";
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO citations (answer_id, n, article_id,"
            + " passage_ordinal, title, source, url, published, passage, quote, quote_start, quote_end, supported, score)"
            + " VALUES (?, 1, 'tram-2025', 2, 'City approves tram', 'City Gazette', 'https://example.org/tram',"
            + " '2025-03-01', ?, 'The tram line opens in May.', 1200, 1227, 1, 7.25)")) {
          ps.setLong(1, id);
          ps.setString(2, passage);
          ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sentence_checks (answer_id, ordinal, sentence,"
            + " cited, support, supported) VALUES (?, 1, 'The line opens in May.', '1', 0.91, 1)")) {
          ps.setLong(1, id);
          ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO retrieved (answer_id, rank, article_id,"
            + " passage_ordinal, score) VALUES (?, 1, 'tram-2025', 2, 7.25), (?, 2, 'budget-2024', 0, 3.5)")) {
          ps.setLong(1, id);
          ps.setLong(2, id);
          ps.executeUpdate();
        }
      }
      return id;
    } catch (SQLException ex) {
      throw new IllegalStateException(ex);
    }
  }

  /** A reader's 👍 (1) or 👎 (-1). */
  void vote(long answerId, long userId, int value) {
    try (Connection c = db.open();
         PreparedStatement ps = c.prepareStatement("INSERT INTO feedback (answer_id, user_id, value, at) VALUES (?, ?, ?, 1)")) {
      ps.setLong(1, answerId);
      ps.setLong(2, userId);
      ps.setInt(3, value);
      ps.executeUpdate();
    } catch (SQLException ex) {
      throw new IllegalStateException(ex);
    }
  }
}

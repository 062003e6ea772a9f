package org.newsdesk.bot.log;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Which instance answers which question: an instance claims the questions it answers and shows it
 * is alive by its heartbeat; a question claimed by an instance whose heartbeat is older than the
 * caller's limit is free again, so the questions of an instance that died are taken over as soon
 * as its heartbeat stops. Edits ({@link EditQueue}) are claimed by the same rule ({@link #free}).
 */
final class Claims {
  private final SerialConnection db;
  private final String instance;
  private final LongSupplier clock;

  Claims(SerialConnection db, String instance, LongSupplier clock) {
    this.db = db;
    this.instance = instance;
    this.clock = clock;
  }

  /**
   * The condition, over {@code table}'s {@code claimed_by}, that no live instance holds the row:
   * it is unclaimed, or its holder's heartbeat is older than the one parameter it takes (or the
   * holder never beat).
   */
  static String free(String table) {
    return "(" + table + ".claimed_by IS NULL OR NOT EXISTS (SELECT 1 FROM instances i WHERE i.id = " + table
        + ".claimed_by AND i.heartbeat_at >= ?))";
  }

  /** See {@link AnswerLog#claimUnsent}. */
  List<PendingQuestion> claimUnsent(long deadBeforeMillis, int limit) {
    return db.transaction(c -> {
      List<PendingQuestion> candidates = new ArrayList<>();
      try (PreparedStatement q = c.prepareStatement("""
          SELECT id, update_id, chat_id, user_id, chat_type, question_message_id, question, asked_at FROM answers
          WHERE sent_at IS NULL AND state IN ('received', 'answered') AND """ + free("answers")
          + " ORDER BY id LIMIT ?")) {
        q.setLong(1, deadBeforeMillis);
        q.setInt(2, limit);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            candidates.add(new PendingQuestion(rs.getLong(1), new Question(rs.getLong(2), rs.getLong(3), rs.getLong(4),
                rs.getString(5), (int) rs.getLong(6), rs.getString(7), rs.getLong(8))));
          }
        }
      }
      List<PendingQuestion> claimed = new ArrayList<>();
      try (PreparedStatement claim = c.prepareStatement("""
          UPDATE answers SET claimed_by = ?, claimed_at = ?
          WHERE id = ? AND sent_at IS NULL AND state IN ('received', 'answered') AND """ + free("answers"))) {
        for (PendingQuestion p : candidates) {
          claim.setString(1, instance);
          claim.setLong(2, clock.getAsLong());
          claim.setLong(3, p.answerId());
          claim.setLong(4, deadBeforeMillis);
          if (claim.executeUpdate() == 1) claimed.add(p);
        }
      }
      return claimed;
    });
  }

  /** See {@link AnswerLog#release}. */
  void release(long answerId) {
    db.transaction(c -> {
      try (PreparedStatement up = c.prepareStatement(
          "UPDATE answers SET claimed_by = NULL, claimed_at = NULL WHERE id = ? AND claimed_by = ?")) {
        up.setLong(1, answerId);
        up.setString(2, instance);
        up.executeUpdate();
      }
      return null;
    });
  }

  /** See {@link AnswerLog#beat}. */
  void beat() {
    db.transaction(c -> {
      long now = clock.getAsLong();
      try (PreparedStatement up = c.prepareStatement("""
          INSERT INTO instances (id, started_at, heartbeat_at) VALUES (?, ?, ?)
          ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at""")) {
        up.setString(1, instance);
        up.setLong(2, now);
        up.setLong(3, now);
        up.executeUpdate();
      }
      return null;
    });
  }

  /** See {@link AnswerLog#releaseClaims}. */
  int releaseAll() {
    return db.transaction(c -> {
      int released;
      try (PreparedStatement up = c.prepareStatement(
          "UPDATE answers SET claimed_by = NULL, claimed_at = NULL WHERE claimed_by = ? AND sent_at IS NULL")) {
        up.setString(1, instance);
        released = up.executeUpdate();
      }
      try (PreparedStatement del = c.prepareStatement("DELETE FROM instances WHERE id = ?")) {
        del.setString(1, instance);
        del.executeUpdate();
      }
      return released;
    });
  }
}

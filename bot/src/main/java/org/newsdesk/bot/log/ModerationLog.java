package org.newsdesk.bot.log;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What moderators and maintainers read and do in the answer log: the review queue, one entry in
 * full, flag / hide / note, the edits a hide queues for the bot to carry out, and daily figures.
 */
public final class ModerationLog {
  private final AnswerLog log;

  public ModerationLog(AnswerLog log) {
    this.log = log;
  }

  /** A line of the review queue: why the answer needs a look. */
  public record ReviewItem(long answerId, long askedAt, String question, boolean notFound, int unsupported,
                           boolean flagged, int downVotes, String state) {}

  /** A log entry in full. */
  public record Entry(long answerId, long updateId, long chatId, long userId, String chatType, long askedAt,
                      String question, String state, Boolean answered, String answerText, String mode, String notice,
                      String query, int unsupported, Long latencyMs, String replyMessageIds, String incidentId,
                      boolean flagged, boolean hidden, List<String> citations, List<String> checks, int up, int down,
                      List<String> actions) {}

  /** An edit of a reader's message waiting to be carried out. */
  public record PendingEdit(long id, long answerId, long chatId, int messageId, String newText) {}

  /** Today's figures. */
  public record Stats(int questions, int answered, int notFound, int failed, int up, int down) {}

  private static final String NEEDS_LOOK = """
      a.hidden = 0 AND a.approved = 0 AND a.state IN ('sent', 'answered', 'failed')
      AND (a.flagged = 1 OR a.answered = 0 OR a.unsupported > 0 OR a.state = 'failed'
           OR EXISTS (SELECT 1 FROM feedback f WHERE f.answer_id = a.id AND f.value < 0))""";

  /** The latest answers that need a look: 👎, unsupported citations, not found, flagged, failed. */
  public List<ReviewItem> review(int limit) {
    return log.transaction(c -> {
      List<ReviewItem> items = new ArrayList<>();
      try (PreparedStatement q = c.prepareStatement("""
          SELECT a.id, a.asked_at, a.question, a.answered, a.unsupported, a.flagged, a.state,
                 (SELECT COUNT(*) FROM feedback f WHERE f.answer_id = a.id AND f.value < 0) AS down
          FROM answers a WHERE""" + " " + NEEDS_LOOK + " ORDER BY a.id DESC LIMIT ?")) {
        q.setInt(1, limit);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            int answered = rs.getInt(4);
            boolean notFound = !rs.wasNull() && answered == 0;
            items.add(new ReviewItem(rs.getLong(1), rs.getLong(2), rs.getString(3), notFound, rs.getInt(5),
                rs.getInt(6) == 1, rs.getInt(8), rs.getString(7)));
          }
        }
      }
      return items;
    });
  }

  public Optional<Entry> show(long answerId) {
    return log.transaction(c -> {
      try (PreparedStatement q = c.prepareStatement("""
          SELECT update_id, chat_id, user_id, chat_type, asked_at, question, state, answered, answer_text, mode,
                 notice, query, unsupported, latency_ms, reply_message_ids, incident_id, flagged, hidden
          FROM answers WHERE id = ?""")) {
        q.setLong(1, answerId);
        try (ResultSet rs = q.executeQuery()) {
          if (!rs.next()) return Optional.empty();
          int answeredRaw = rs.getInt(8);
          Boolean answered = rs.wasNull() ? null : answeredRaw == 1;
          long latency = rs.getLong(14);
          Long latencyMs = rs.wasNull() ? null : latency;
          List<String> citations = strings(c, """
              SELECT n, article_id, passage_ordinal, title, supported, score, quote FROM citations
              WHERE answer_id = ? ORDER BY n""", answerId, r -> "[" + r.getInt(1) + "] " + r.getString(4) + " ("
              + r.getString(2) + "#" + r.getInt(3) + ", score " + String.format("%.3f", r.getDouble(6))
              + (r.getInt(5) == 1 ? ", supported" : ", NOT supported") + "): " + r.getString(7));
          List<String> checks = strings(c, """
              SELECT ordinal, sentence, cited, support, supported FROM sentence_checks WHERE answer_id = ? ORDER BY ordinal""",
              answerId, r -> (r.getInt(5) == 1 ? "ok " : "UNSUPPORTED ") + String.format("%.2f", r.getDouble(4))
                  + " [" + r.getString(3) + "] " + r.getString(2));
          List<String> votes = strings(c, "SELECT value FROM feedback WHERE answer_id = ?", answerId,
              r -> String.valueOf(r.getInt(1)));
          List<String> actions = strings(c, """
              SELECT moderator, action, note FROM moderation_actions WHERE answer_id = ? ORDER BY at, id""", answerId,
              r -> r.getString(2) + " by " + r.getString(1) + (r.getString(3) == null ? "" : ": " + r.getString(3)));
          return Optional.of(new Entry(answerId, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
              rs.getLong(5), rs.getString(6), rs.getString(7), answered, rs.getString(9), rs.getString(10),
              rs.getString(11), rs.getString(12), rs.getInt(13), latencyMs, rs.getString(15), rs.getString(16),
              rs.getInt(17) == 1, rs.getInt(18) == 1, citations, checks,
              (int) votes.stream().filter(v -> v.equals("1")).count(),
              (int) votes.stream().filter(v -> v.equals("-1")).count(), actions));
        }
      }
    });
  }

  /** Marks the answer for attention. False when there is no such answer. */
  public boolean flag(long answerId, String moderator) {
    return log.transaction(c -> {
      if (!exists(c, answerId)) return false;
      update(c, "UPDATE answers SET flagged = 1 WHERE id = ?", answerId);
      action(c, answerId, moderator, "flag", null);
      return true;
    });
  }

  public boolean note(long answerId, String moderator, String note) {
    return log.transaction(c -> {
      if (!exists(c, answerId)) return false;
      action(c, answerId, moderator, "note", note);
      return true;
    });
  }

  /**
   * Hides the answer: marks it and queues an edit of each reply message to {@code notice}, which
   * the running bot carries out. Empty when there is no such answer; else how many edits were queued.
   */
  public Optional<Integer> hide(long answerId, String moderator, String notice) {
    return log.transaction(c -> {
      String ids;
      long chatId;
      try (PreparedStatement q = c.prepareStatement("SELECT chat_id, reply_message_ids FROM answers WHERE id = ?")) {
        q.setLong(1, answerId);
        try (ResultSet rs = q.executeQuery()) {
          if (!rs.next()) return Optional.<Integer>empty();
          chatId = rs.getLong(1);
          ids = rs.getString(2);
        }
      }
      update(c, "UPDATE answers SET hidden = 1 WHERE id = ?", answerId);
      action(c, answerId, moderator, "hide", null);
      int queued = 0;
      if (ids != null && !ids.isBlank()) {
        try (PreparedStatement ins = c.prepareStatement("""
            INSERT INTO pending_edits (answer_id, chat_id, message_id, new_text, requested_at) VALUES (?, ?, ?, ?, ?)""")) {
          for (String id : ids.split(",")) {
            ins.setLong(1, answerId);
            ins.setLong(2, chatId);
            ins.setLong(3, Long.parseLong(id.strip()));
            ins.setString(4, notice);
            ins.setLong(5, log.now());
            ins.executeUpdate();
            queued++;
          }
        }
      }
      return Optional.of(queued);
    });
  }

  /** Claims open edits (unclaimed, or claimed before {@code staleBeforeMillis}) for this instance. */
  public List<PendingEdit> claimEdits(long staleBeforeMillis, int limit) {
    return log.transaction(c -> {
      List<PendingEdit> open = new ArrayList<>();
      try (PreparedStatement q = c.prepareStatement("""
          SELECT id, answer_id, chat_id, message_id, new_text FROM pending_edits
          WHERE done_at IS NULL AND (claimed_by IS NULL OR claimed_at < ?) ORDER BY id LIMIT ?""")) {
        q.setLong(1, staleBeforeMillis);
        q.setInt(2, limit);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            open.add(new PendingEdit(rs.getLong(1), rs.getLong(2), rs.getLong(3), (int) rs.getLong(4), rs.getString(5)));
          }
        }
      }
      List<PendingEdit> claimed = new ArrayList<>();
      try (PreparedStatement up = c.prepareStatement("""
          UPDATE pending_edits SET claimed_by = ?, claimed_at = ? WHERE id = ? AND done_at IS NULL
            AND (claimed_by IS NULL OR claimed_at < ?)""")) {
        for (PendingEdit e : open) {
          up.setString(1, log.instance());
          up.setLong(2, log.now());
          up.setLong(3, e.id());
          up.setLong(4, staleBeforeMillis);
          if (up.executeUpdate() == 1) claimed.add(e);
        }
      }
      return claimed;
    });
  }

  /** The edit is done; {@code error} is Telegram's refusal when it could not be done at all. */
  public void editFinished(long editId, String error) {
    log.transaction(c -> {
      try (PreparedStatement up = c.prepareStatement("UPDATE pending_edits SET done_at = ?, error = ? WHERE id = ?")) {
        up.setLong(1, log.now());
        up.setString(2, error);
        up.setLong(3, editId);
        up.executeUpdate();
      }
      return null;
    });
  }

  /** Gives the edit back for a later attempt (Telegram unreachable). */
  public void editReleased(long editId) {
    log.transaction(c -> {
      update(c, "UPDATE pending_edits SET claimed_by = NULL, claimed_at = NULL WHERE id = ?", editId);
      return null;
    });
  }

  /** Figures since {@code sinceMillis}: questions, answered, not found, failed, 👍, 👎. */
  public Stats stats(long sinceMillis) {
    return log.transaction(c -> {
      try (PreparedStatement q = c.prepareStatement("""
          SELECT COUNT(*),
                 SUM(CASE WHEN answered = 1 THEN 1 ELSE 0 END),
                 SUM(CASE WHEN answered = 0 THEN 1 ELSE 0 END),
                 SUM(CASE WHEN state = 'failed' THEN 1 ELSE 0 END),
                 (SELECT COUNT(*) FROM feedback WHERE value > 0 AND at >= ?),
                 (SELECT COUNT(*) FROM feedback WHERE value < 0 AND at >= ?)
          FROM answers WHERE asked_at >= ?""")) {
        q.setLong(1, sinceMillis);
        q.setLong(2, sinceMillis);
        q.setLong(3, sinceMillis);
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          return new Stats(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6));
        }
      }
    });
  }

  private interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private static List<String> strings(java.sql.Connection c, String sql, long answerId, Row<String> row)
      throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement q = c.prepareStatement(sql)) {
      q.setLong(1, answerId);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) out.add(row.map(rs));
      }
    }
    return out;
  }

  private static boolean exists(java.sql.Connection c, long answerId) throws SQLException {
    try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM answers WHERE id = ?")) {
      q.setLong(1, answerId);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static void update(java.sql.Connection c, String sql, long id) throws SQLException {
    try (PreparedStatement up = c.prepareStatement(sql)) {
      up.setLong(1, id);
      up.executeUpdate();
    }
  }

  private void action(java.sql.Connection c, long answerId, String moderator, String action, String note)
      throws SQLException {
    try (PreparedStatement ins = c.prepareStatement("""
        INSERT INTO moderation_actions (answer_id, moderator, action, note, at) VALUES (?, ?, ?, ?, ?)""")) {
      ins.setLong(1, answerId);
      ins.setString(2, moderator);
      ins.setString(3, action);
      ins.setString(4, note);
      ins.setLong(5, log.now());
      ins.executeUpdate();
    }
  }
}

package org.newsdesk.bot.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.newsdesk.bot.log.LogDatabase;

/**
 * The review queue over the answer log: filtered, newest first, keyset-paged. Moderators reach it
 * through {@link Moderation#queue}; it is public for timing the query on its own connection.
 */
public final class ReviewQueue {
  static final String COLUMNS = "a.id, a.asked_at, a.chat_type, a.question, a.answered, a.mode, a.state,"
      + " a.unsupported, a.flagged, a.hidden, a.approved,"
      + " (SELECT COUNT(*) FROM feedback fu WHERE fu.answer_id = a.id AND fu.value = 1) AS ups,"
      + " (SELECT COUNT(*) FROM feedback fd2 WHERE fd2.answer_id = a.id AND fd2.value = -1) AS downs";

  private final LogDatabase db;

  public ReviewQueue(LogDatabase db) {
    this.db = db;
  }

  /** Up to {@code limit} answers matching the filter, older than {@code after} when given. */
  public QueuePage page(QueueFilter filter, Optional<QueuePage.Cursor> after, int limit) {
    try (Connection c = db.open()) {
      return page(c, filter, after, limit);
    } catch (SQLException e) {
      throw new ReviewStoreException("cannot read the review queue", e);
    }
  }

  /**
   * As {@link #page(QueueFilter, Optional, int)}, on a connection the caller holds: for reading
   * several pages on one connection, and for timing the query apart from opening the connection.
   */
  public QueuePage page(Connection c, QueueFilter filter, Optional<QueuePage.Cursor> after, int limit) throws SQLException {
    if (limit < 1 || limit > 500) throw new IllegalArgumentException("page size must be 1..500, got " + limit);
    FilterSql sql = new FilterSql(filter);
    after.ifPresent(k -> sql.add("a.asked_at <= ? AND (a.asked_at < ? OR a.id < ?)", k.askedAt(), k.askedAt(), k.id()));
    String query = "SELECT " + COLUMNS + " FROM answers a" + sql.where()
        + " ORDER BY a.asked_at DESC, a.id DESC LIMIT ?";
    try (PreparedStatement ps = c.prepareStatement(query)) {
      ps.setInt(sql.bind(ps), limit + 1);
      List<QueueRow> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) rows.add(row(rs));
      }
      Optional<QueuePage.Cursor> next = Optional.empty();
      if (rows.size() > limit) {
        rows = rows.subList(0, limit);
        QueueRow last = rows.get(limit - 1);
        next = Optional.of(new QueuePage.Cursor(last.askedAt().toEpochMilli(), last.id()));
      }
      return new QueuePage(rows, next);
    }
  }

  static QueueRow row(ResultSet rs) throws SQLException {
    int answered = rs.getInt("answered");
    Optional<Boolean> outcome = rs.wasNull() ? Optional.empty() : Optional.of(answered == 1);
    return new QueueRow(rs.getLong("id"), Instant.ofEpochMilli(rs.getLong("asked_at")),
        nullToEmpty(rs.getString("chat_type")), rs.getString("question"), outcome,
        nullToEmpty(rs.getString("mode")), rs.getString("state"), rs.getInt("unsupported"),
        rs.getInt("ups"), rs.getInt("downs"), rs.getInt("flagged") == 1, rs.getInt("hidden") == 1,
        rs.getInt("approved") == 1);
  }

  static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}

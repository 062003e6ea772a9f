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

/** Loads one answer with its citations, checks, retrieval scores and moderation history. */
final class AnswerDetails {
  private final LogDatabase db;

  AnswerDetails(LogDatabase db) {
    this.db = db;
  }

  Optional<AnswerDetail> load(long id) {
    try (Connection c = db.open()) {
      QueueRow summary;
      long updateId;
      String chatId, userId, question, answerText, notice, query, latency, replies, incident, refusal;
      try (PreparedStatement ps = c.prepareStatement("SELECT " + ReviewQueue.COLUMNS
          + ", a.update_id, a.chat_id, a.user_id, a.answer_text, a.notice, a.query, a.latency_ms,"
          + " a.incident_id, a.refusal FROM answers a WHERE a.id = ?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) return Optional.empty();
          summary = ReviewQueue.row(rs);
          updateId = rs.getLong("update_id");
          chatId = text(rs, "chat_id");
          userId = text(rs, "user_id");
          question = summary.question();
          answerText = text(rs, "answer_text");
          notice = text(rs, "notice");
          query = text(rs, "query");
          String ms = text(rs, "latency_ms");
          latency = ms.isEmpty() ? "" : ms + " ms";
          incident = text(rs, "incident_id");
          refusal = text(rs, "refusal");
        }
      }
      replies = replyMessages(c, id);
      return Optional.of(new AnswerDetail(summary, updateId, chatId, userId, question, answerText, notice, query,
          latency, replies, incident, refusal, citations(c, id), sentences(c, id), retrieved(c, id), actions(c, id)));
    } catch (SQLException e) {
      throw new ReviewStoreException("cannot read answer " + id, e);
    }
  }

  /**
   * The ids of the messages the reader holds, in order, and how many were in flight when the bot
   * stopped: Telegram may have delivered those, but their ids are unknown.
   */
  private static String replyMessages(Connection c, long id) throws SQLException {
    List<String> ids = new ArrayList<>();
    int unknown = 0;
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT message_id, sending_at FROM reply_messages WHERE answer_id = ? ORDER BY part")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long message = rs.getLong(1);
          if (!rs.wasNull()) ids.add(Long.toString(message));
          else if (rs.getObject(2) != null) unknown++;
        }
      }
    }
    String known = String.join(", ", ids);
    if (unknown == 0) return known;
    String more = unknown + (unknown == 1 ? " message" : " messages") + " of unknown id (the bot stopped while"
        + " sending " + (unknown == 1 ? "it" : "them") + "; hiding cannot reach " + (unknown == 1 ? "it" : "them") + ")";
    return known.isEmpty() ? more : known + " and " + more;
  }

  private static List<AnswerDetail.Citation> citations(Connection c, long id) throws SQLException {
    return rows(c, "SELECT n, article_id, passage_ordinal, title, source, url, published, passage, quote,"
        + " quote_start, quote_end, supported, score FROM citations WHERE answer_id = ? ORDER BY n", id, rs -> {
          String quote = rs.getString("quote");
          return new AnswerDetail.Citation(rs.getInt("n"), rs.getString("article_id"), rs.getInt("passage_ordinal"),
              rs.getString("title"), text(rs, "source"), text(rs, "url"), text(rs, "published"),
              QuoteHighlight.of(rs.getString("passage"), quote, rs.getInt("quote_start"), rs.getInt("quote_end")),
              quote, rs.getInt("supported") == 1, rs.getDouble("score"));
        });
  }

  private static List<AnswerDetail.Sentence> sentences(Connection c, long id) throws SQLException {
    return rows(c, "SELECT ordinal, sentence, cited, support, supported"
        + " FROM sentence_checks WHERE answer_id = ? ORDER BY ordinal", id,
        rs -> new AnswerDetail.Sentence(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getDouble(4),
            rs.getInt(5) == 1));
  }

  private static List<AnswerDetail.Retrieved> retrieved(Connection c, long id) throws SQLException {
    return rows(c, "SELECT rank, article_id, passage_ordinal, score FROM retrieved WHERE answer_id = ? ORDER BY rank",
        id, rs -> new AnswerDetail.Retrieved(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getDouble(4)));
  }

  private static List<AnswerDetail.Action> actions(Connection c, long id) throws SQLException {
    return rows(c, "SELECT moderator, action, note, at FROM moderation_actions WHERE answer_id = ? ORDER BY at, id",
        id, rs -> new AnswerDetail.Action(rs.getString(1), rs.getString(2), text(rs, "note"),
            Instant.ofEpochMilli(rs.getLong(4))));
  }

  /** One row of a result, read into a value. */
  private interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** Every row of {@code sql}, whose one parameter is the answer id, in the query's order. */
  private static <T> List<T> rows(Connection c, String sql, long answerId, Row<T> row) throws SQLException {
    List<T> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, answerId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(row.read(rs));
      }
    }
    return out;
  }

  private static String text(ResultSet rs, String column) throws SQLException {
    String v = rs.getString(column);
    return v == null ? "" : v;
  }
}

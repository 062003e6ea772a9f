package org.newsdesk.bot.log;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.newsdesk.retrieval.answer.Answer;
import org.newsdesk.retrieval.answer.Citation;
import org.newsdesk.retrieval.answer.SentenceCheck;
import org.newsdesk.retrieval.search.ScoredPassage;

/**
 * An answer as the log keeps it, written inside the caller's transaction: the answer's row, the
 * messages its reply will be sent as, and its evidence (citations, sentence checks, the passages
 * retrieved and, for a not-found answer, its query's vector). Writing it again replaces what an
 * earlier attempt stored, as long as none of that attempt's messages was sent.
 */
final class AnswerRecord {
  private static final List<String> EVIDENCE =
      List.of("citations", "sentence_checks", "retrieved", "reply_messages", "question_vectors");

  private AnswerRecord() {}

  /**
   * Stores {@code answer} for {@code answerId} and returns its reply's parts as stored, none sent.
   *
   * @throws IllegalStateException when a message of an earlier attempt was sent already
   * @throws IllegalArgumentException when the log has no answer {@code answerId}
   */
  static List<ReplyPart> write(Connection c, long answerId, Answer answer, List<ReplyText> reply,
                               long latencyMillis, long nowMillis, Optional<QuestionMeaning.Vector> meaning)
      throws SQLException {
    refuseWhenSent(c, answerId);
    for (String table : EVIDENCE) {
      try (PreparedStatement del = c.prepareStatement("DELETE FROM " + table + " WHERE answer_id = ?")) {
        del.setLong(1, answerId);
        del.executeUpdate();
      }
    }
    updateAnswer(c, answerId, answer, reply, latencyMillis, nowMillis);
    List<ReplyPart> parts = insertReply(c, answerId, reply);
    insertCitations(c, answerId, answer.citations());
    insertChecks(c, answerId, answer.checks());
    insertRetrieved(c, answerId, answer.retrieved());
    if (meaning.isPresent()) {
      try (PreparedStatement ins = c.prepareStatement(
          "INSERT INTO question_vectors (answer_id, model, vector) VALUES (?, ?, ?)")) {
        ins.setLong(1, answerId);
        ins.setString(2, meaning.get().model());
        ins.setBytes(3, QuestionVector.bytes(meaning.get().values()));
        ins.executeUpdate();
      }
    }
    return parts;
  }

  private static void refuseWhenSent(Connection c, long answerId) throws SQLException {
    try (PreparedStatement q = c.prepareStatement(
        "SELECT COUNT(*) FROM reply_messages WHERE answer_id = ? AND sending_at IS NOT NULL")) {
      q.setLong(1, answerId);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        if (rs.getLong(1) > 0) {
          throw new IllegalStateException("answer " + answerId + " has messages sent already; send the stored reply");
        }
      }
    }
  }

  private static void updateAnswer(Connection c, long answerId, Answer answer, List<ReplyText> reply,
                                   long latencyMillis, long nowMillis) throws SQLException {
    int unsupported = (int) (answer.citations().stream().filter(ct -> !ct.supported()).count()
        + answer.checks().stream().filter(s -> !s.supported()).count());
    String sentText = String.join("\n\n", reply.stream().map(ReplyText::html).toList());
    try (PreparedStatement up = c.prepareStatement("""
        UPDATE answers SET state = 'answered', answered = ?, answer_text = ?, mode = ?, notice = ?, query = ?,
                           unsupported = ?, latency_ms = ?, answered_at = ? WHERE id = ?""")) {
      up.setInt(1, answer.answered() ? 1 : 0);
      up.setString(2, sentText);
      up.setString(3, answer.mode().label());
      up.setString(4, answer.notice().orElse(null));
      up.setString(5, answer.query());
      up.setInt(6, unsupported);
      up.setLong(7, latencyMillis);
      up.setLong(8, nowMillis);
      up.setLong(9, answerId);
      if (up.executeUpdate() != 1) throw new IllegalArgumentException("no answer " + answerId + " in the log");
    }
  }

  private static List<ReplyPart> insertReply(Connection c, long answerId, List<ReplyText> reply) throws SQLException {
    List<ReplyPart> parts = new ArrayList<>();
    try (PreparedStatement ins = c.prepareStatement("""
        INSERT INTO reply_messages (answer_id, part, chat_id, html, plain)
        SELECT id, ?, chat_id, ?, ? FROM answers WHERE id = ?""")) {
      for (int i = 0; i < reply.size(); i++) {
        ins.setInt(1, i);
        ins.setString(2, reply.get(i).html());
        ins.setString(3, reply.get(i).plain());
        ins.setLong(4, answerId);
        ins.addBatch();
        parts.add(new ReplyPart(i, reply.get(i), false, OptionalInt.empty()));
      }
      ins.executeBatch();
    }
    return List.copyOf(parts);
  }

  private static void insertCitations(Connection c, long answerId, List<Citation> citations) throws SQLException {
    try (PreparedStatement ins = c.prepareStatement("""
        INSERT INTO citations (answer_id, n, article_id, passage_ordinal, title, source, url, published, passage,
                               quote, quote_start, quote_end, supported, score)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
      for (Citation ct : citations) {
        ins.setLong(1, answerId);
        ins.setInt(2, ct.n());
        ins.setString(3, ct.passage().articleId());
        ins.setInt(4, ct.passage().ordinal());
        ins.setString(5, ct.passage().title());
        ins.setString(6, ct.passage().source().orElse(null));
        ins.setString(7, ct.passage().url().map(Object::toString).orElse(null));
        ins.setString(8, ct.passage().published().map(Object::toString).orElse(null));
        ins.setString(9, ct.passage().text());
        ins.setString(10, ct.quote());
        ins.setInt(11, ct.quoteStart());
        ins.setInt(12, ct.quoteEnd());
        ins.setInt(13, ct.supported() ? 1 : 0);
        ins.setDouble(14, ct.score());
        ins.addBatch();
      }
      ins.executeBatch();
    }
  }

  private static void insertChecks(Connection c, long answerId, List<SentenceCheck> checks) throws SQLException {
    try (PreparedStatement ins = c.prepareStatement("""
        INSERT INTO sentence_checks (answer_id, ordinal, sentence, cited, support, supported)
        VALUES (?, ?, ?, ?, ?, ?)""")) {
      int i = 0;
      for (SentenceCheck s : checks) {
        ins.setLong(1, answerId);
        ins.setInt(2, i++);
        ins.setString(3, s.sentence());
        ins.setString(4, s.cited().stream().map(String::valueOf).collect(Collectors.joining(",")));
        ins.setDouble(5, s.support());
        ins.setInt(6, s.supported() ? 1 : 0);
        ins.addBatch();
      }
      ins.executeBatch();
    }
  }

  private static void insertRetrieved(Connection c, long answerId, List<ScoredPassage> retrieved) throws SQLException {
    try (PreparedStatement ins = c.prepareStatement("""
        INSERT INTO retrieved (answer_id, rank, article_id, passage_ordinal, score) VALUES (?, ?, ?, ?, ?)""")) {
      int rank = 1;
      for (ScoredPassage sp : retrieved) {
        ins.setLong(1, answerId);
        ins.setInt(2, rank++);
        ins.setString(3, sp.passage().articleId());
        ins.setInt(4, sp.passage().ordinal());
        ins.setDouble(5, sp.score());
        ins.addBatch();
      }
      ins.executeBatch();
    }
  }
}

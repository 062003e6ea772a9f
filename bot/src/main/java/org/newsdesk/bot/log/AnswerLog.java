package org.newsdesk.bot.log;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.newsdesk.retrieval.answer.Answer;
import org.newsdesk.retrieval.answer.Citation;
import org.newsdesk.retrieval.answer.SentenceCheck;
import org.newsdesk.retrieval.search.ScoredPassage;

/**
 * The durable record of every question and its answer, written in this order: the question when
 * it arrives ({@code received}, claimed by this instance), the answer before the reply is sent
 * ({@code answered}), the reply's message ids once it went out ({@code sent}). A question whose
 * update id is already logged is a redelivery and is not logged again. Portable SQL: the same
 * statements run on SQLite and PostgreSQL.
 */
public final class AnswerLog implements AutoCloseable {
  private final LogDatabase database;
  private final SerialConnection db;
  private final String instance;
  private final LongSupplier clock;

  public AnswerLog(LogDatabase database, String instance, LongSupplier clockMillis) {
    this.database = database;
    this.db = new SerialConnection(database);
    this.instance = instance;
    this.clock = clockMillis;
  }

  public AnswerLog(LogDatabase database, String instance) {
    this(database, instance, System::currentTimeMillis);
  }

  public String instance() {
    return instance;
  }

  /** The database this log writes to, for readers that open their own connections (moderation). */
  public LogDatabase database() {
    return database;
  }

  /**
   * Logs the questions in one transaction, each claimed by this instance. The result holds, in
   * order, the new answer id, or empty for an update id already in the log. Rows are inserted in
   * ascending update id, so two instances inserting overlapping batches on PostgreSQL wait for
   * each other instead of deadlocking.
   */
  public List<OptionalLong> receive(List<Question> questions) {
    if (questions.isEmpty()) return List.of();
    return db.transaction(c -> {
      OptionalLong[] ids = new OptionalLong[questions.size()];
      Integer[] order = new Integer[questions.size()];
      for (int i = 0; i < order.length; i++) order[i] = i;
      Arrays.sort(order, Comparator.comparingLong(i -> questions.get(i).updateId()));
      long now = clock.getAsLong();
      try (PreparedStatement insert = c.prepareStatement("""
              INSERT INTO answers (update_id, chat_id, user_id, chat_type, question_message_id, asked_at, question,
                                   state, claimed_by, claimed_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, 'received', ?, ?) ON CONFLICT (update_id) DO NOTHING""");
           PreparedStatement find = c.prepareStatement("SELECT id FROM answers WHERE update_id = ?")) {
        for (int i : order) {
          Question q = questions.get(i);
          insert.setLong(1, q.updateId());
          insert.setLong(2, q.chatId());
          insert.setLong(3, q.userId());
          insert.setString(4, q.chatType());
          insert.setLong(5, q.messageId());
          insert.setLong(6, q.askedAtMillis());
          insert.setString(7, q.text());
          insert.setString(8, instance);
          insert.setLong(9, now);
          if (insert.executeUpdate() == 0) {
            ids[i] = OptionalLong.empty();
            continue;
          }
          find.setLong(1, q.updateId());
          try (ResultSet rs = find.executeQuery()) {
            rs.next();
            ids[i] = OptionalLong.of(rs.getLong(1));
          }
        }
      }
      return List.of(ids);
    });
  }

  /** Stores the answer exactly as it will be sent, with its evidence; replaces an earlier attempt's. */
  public void answered(long answerId, Answer answer, String sentText, long latencyMillis) {
    int unsupported = (int) (answer.citations().stream().filter(c -> !c.supported()).count()
        + answer.checks().stream().filter(s -> !s.supported()).count());
    db.transaction(c -> {
      for (String table : List.of("citations", "sentence_checks", "retrieved")) {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM " + table + " WHERE answer_id = ?")) {
          del.setLong(1, answerId);
          del.executeUpdate();
        }
      }
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
        up.setLong(8, clock.getAsLong());
        up.setLong(9, answerId);
        if (up.executeUpdate() != 1) throw new IllegalArgumentException("no answer " + answerId + " in the log");
      }
      try (PreparedStatement ins = c.prepareStatement("""
          INSERT INTO citations (answer_id, n, article_id, passage_ordinal, title, source, url, published, passage,
                                 quote, quote_start, quote_end, supported, score)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
        for (Citation ct : answer.citations()) {
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
      try (PreparedStatement ins = c.prepareStatement("""
          INSERT INTO sentence_checks (answer_id, ordinal, sentence, cited, support, supported)
          VALUES (?, ?, ?, ?, ?, ?)""")) {
        int i = 0;
        for (SentenceCheck s : answer.checks()) {
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
      try (PreparedStatement ins = c.prepareStatement("""
          INSERT INTO retrieved (answer_id, rank, article_id, passage_ordinal, score) VALUES (?, ?, ?, ?, ?)""")) {
        int rank = 1;
        for (ScoredPassage sp : answer.retrieved()) {
          ins.setLong(1, answerId);
          ins.setInt(2, rank++);
          ins.setString(3, sp.passage().articleId());
          ins.setInt(4, sp.passage().ordinal());
          ins.setDouble(5, sp.score());
          ins.addBatch();
        }
        ins.executeBatch();
      }
      return null;
    });
  }

  /** The reply went out as these messages. */
  public void sent(long answerId, List<Integer> messageIds) {
    db.transaction(c -> {
      try (PreparedStatement up = c.prepareStatement("""
          UPDATE answers SET state = 'sent', reply_message_ids = ?, sent_at = ?, claimed_by = NULL, claimed_at = NULL
          WHERE id = ?""")) {
        up.setString(1, messageIds.stream().map(String::valueOf).collect(Collectors.joining(",")));
        up.setLong(2, clock.getAsLong());
        up.setLong(3, answerId);
        up.executeUpdate();
      }
      return null;
    });
  }

  /** Answering failed; the reader was told {@code incidentId} (its message id, if it went out). */
  public void failed(long answerId, String incidentId, Optional<Integer> apologyMessageId) {
    db.transaction(c -> {
      try (PreparedStatement up = c.prepareStatement("""
          UPDATE answers SET state = 'failed', incident_id = ?, reply_message_ids = ?, sent_at = ?,
                             claimed_by = NULL, claimed_at = NULL WHERE id = ?""")) {
        up.setString(1, incidentId);
        up.setString(2, apologyMessageId.map(String::valueOf).orElse(null));
        if (apologyMessageId.isPresent()) up.setLong(3, clock.getAsLong());
        else up.setNull(3, Types.BIGINT);
        up.setLong(4, answerId);
        up.executeUpdate();
      }
      return null;
    });
  }

  /**
   * Claims questions logged but never replied to ({@code received} or {@code answered}, no
   * {@code sent_at}), unclaimed or claimed before {@code staleBeforeMillis}. A conditional update
   * per row makes the claim atomic, so two instances never both take one.
   */
  public List<PendingQuestion> claimUnsent(long staleBeforeMillis, int limit) {
    return db.transaction(c -> {
      List<PendingQuestion> candidates = new ArrayList<>();
      try (PreparedStatement q = c.prepareStatement("""
          SELECT id, update_id, chat_id, user_id, chat_type, question_message_id, question, asked_at FROM answers
          WHERE sent_at IS NULL AND state IN ('received', 'answered')
            AND (claimed_by IS NULL OR claimed_at < ?) ORDER BY id LIMIT ?""")) {
        q.setLong(1, staleBeforeMillis);
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
          WHERE id = ? AND sent_at IS NULL AND (claimed_by IS NULL OR claimed_at < ?)""")) {
        for (PendingQuestion p : candidates) {
          claim.setString(1, instance);
          claim.setLong(2, clock.getAsLong());
          claim.setLong(3, p.answerId());
          claim.setLong(4, staleBeforeMillis);
          if (claim.executeUpdate() == 1) claimed.add(p);
        }
      }
      return claimed;
    });
  }

  /** Gives back this instance's claims on unsent questions (at shutdown), so another may answer them. */
  public int releaseClaims() {
    return db.transaction(c -> {
      try (PreparedStatement up = c.prepareStatement(
          "UPDATE answers SET claimed_by = NULL, claimed_at = NULL WHERE claimed_by = ? AND sent_at IS NULL")) {
        up.setString(1, instance);
        return up.executeUpdate();
      }
    });
  }

  /** Stores a reader's 👍 (1) or 👎 (-1); a new vote replaces the old. False when no such answer. */
  public boolean feedback(long answerId, long userId, int value) {
    return db.transaction(c -> {
      try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM answers WHERE id = ?")) {
        q.setLong(1, answerId);
        try (ResultSet rs = q.executeQuery()) {
          if (!rs.next()) return false;
        }
      }
      try (PreparedStatement up = c.prepareStatement("""
          INSERT INTO feedback (answer_id, user_id, value, at) VALUES (?, ?, ?, ?)
          ON CONFLICT (answer_id, user_id) DO UPDATE SET value = excluded.value, at = excluded.at""")) {
        up.setLong(1, answerId);
        up.setLong(2, userId);
        up.setInt(3, value);
        up.setLong(4, clock.getAsLong());
        up.executeUpdate();
      }
      return true;
    });
  }

  /** Runs {@code work} in this log's transaction; for the edit queue beside it. */
  <T> T transaction(SerialConnection.Work<T> work) {
    return db.transaction(work);
  }

  long now() {
    return clock.getAsLong();
  }

  @Override
  public void close() {
    db.close();
  }
}

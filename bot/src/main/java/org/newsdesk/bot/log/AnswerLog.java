package org.newsdesk.bot.log;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.newsdesk.retrieval.answer.Answer;
import org.newsdesk.retrieval.answer.Citation;
import org.newsdesk.retrieval.answer.SentenceCheck;
import org.newsdesk.retrieval.search.ScoredPassage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable record of every question and its answer, written in this order: the question when
 * it arrives ({@code received}, claimed by this instance), the answer and the text of each message
 * of its reply before anything is sent ({@code answered}), each message's id as it goes out
 * ({@link Replies}), then {@code sent}. An update whose id is already logged is a redelivery and
 * is not logged again.
 *
 * <p>Claims: an instance claims the questions it answers; a question claimed by an instance whose
 * heartbeat ({@link #beat}) is older than the caller's limit is free again, so the questions of an
 * instance that died are taken over as soon as its heartbeat stops. Portable SQL: the same
 * statements run on SQLite and PostgreSQL.
 *
 * <p>Meaning: given the embedding model of dense retrieval, a not-found answer is stored with the
 * vector of the query that was searched ({@code question_vectors}), so the review page groups the
 * same need asked in other words without a model of its own, and never embeds a question twice.
 * The bot has the model loaded anyway, and one query costs it a few milliseconds, spent before the
 * log's transaction so no other write waits for it. A model that fails costs the answer nothing:
 * it is logged without a vector, and the review page groups it by its words.
 */
public final class AnswerLog implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AnswerLog.class);
  /** A query is embedded from at most this many characters: a pasted essay costs no more than a long question. */
  private static final int MAX_EMBEDDED_CHARS = 1_000;

  private final LogDatabase database;
  private final SerialConnection db;
  private final String instance;
  private final LongSupplier clock;
  private final Optional<EmbeddingModel> questionModel;

  /**
   * @param questionModel the embedding model of dense retrieval, which gives each not-found answer's
   *     query its vector; empty (dense retrieval off) stores none
   */
  public AnswerLog(LogDatabase database, String instance, LongSupplier clockMillis,
                   Optional<EmbeddingModel> questionModel) {
    this.database = database;
    this.db = new SerialConnection(database);
    this.instance = instance;
    this.clock = clockMillis;
    this.questionModel = questionModel;
  }

  public AnswerLog(LogDatabase database, String instance, LongSupplier clockMillis) {
    this(database, instance, clockMillis, Optional.empty());
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
   * Logs a batch of updates in one transaction: questions claimed by this instance, refusals with
   * their reason, other updates by id. The result holds, in order, the new row's id (the answer id
   * of a question or refusal, the update id of anything else), or empty for an update already in
   * the log. Rows are inserted in ascending update id, so two instances inserting overlapping
   * batches on PostgreSQL wait for each other instead of deadlocking.
   */
  public List<OptionalLong> receive(List<? extends Arrival> arrivals) {
    if (arrivals.isEmpty()) return List.of();
    return db.transaction(c -> {
      OptionalLong[] ids = new OptionalLong[arrivals.size()];
      Integer[] order = new Integer[arrivals.size()];
      for (int i = 0; i < order.length; i++) order[i] = i;
      Arrays.sort(order, Comparator.comparingLong(i -> arrivals.get(i).updateId()));
      long now = clock.getAsLong();
      try (PreparedStatement question = c.prepareStatement("""
              INSERT INTO answers (update_id, chat_id, user_id, chat_type, question_message_id, asked_at, question,
                                   state, claimed_by, claimed_at, refusal)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (update_id) DO NOTHING""");
           PreparedStatement find = c.prepareStatement("SELECT id FROM answers WHERE update_id = ?");
           PreparedStatement other = c.prepareStatement("""
              INSERT INTO handled_updates (update_id, kind, chat_id, received_at) VALUES (?, ?, ?, ?)
              ON CONFLICT (update_id) DO NOTHING""")) {
        for (int i : order) {
          Arrival a = arrivals.get(i);
          if (a instanceof HandledUpdate h) {
            other.setLong(1, h.updateId());
            other.setString(2, h.kind());
            other.setLong(3, h.chatId());
            other.setLong(4, now);
            ids[i] = other.executeUpdate() == 0 ? OptionalLong.empty() : OptionalLong.of(h.updateId());
            continue;
          }
          Question q = a instanceof Refusal r ? r.question() : (Question) a;
          boolean refused = a instanceof Refusal;
          question.setLong(1, q.updateId());
          question.setLong(2, q.chatId());
          question.setLong(3, q.userId());
          question.setString(4, q.chatType());
          question.setLong(5, q.messageId());
          question.setLong(6, q.askedAtMillis());
          question.setString(7, q.text());
          question.setString(8, refused ? "refused" : "received");
          question.setString(9, refused ? null : instance);
          if (refused) question.setNull(10, Types.BIGINT);
          else question.setLong(10, now);
          question.setString(11, a instanceof Refusal r ? r.reason() : null);
          if (question.executeUpdate() == 0) {
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

  /**
   * Stores the answer and the messages its reply will be sent as, with its evidence (and, for a
   * not-found answer, the vector of its query), before any of them is sent; replaces an earlier
   * attempt's, as long as none of its messages was sent. The result is the reply's parts as
   * stored, none sent yet.
   *
   * @throws IllegalStateException when a message of an earlier attempt was sent already: the
   *     stored parts must be sent instead ({@link Replies#parts})
   */
  public List<ReplyPart> answered(long answerId, Answer answer, List<ReplyText> reply, long latencyMillis) {
    if (reply.isEmpty()) throw new IllegalArgumentException("a reply needs at least one message");
    int unsupported = (int) (answer.citations().stream().filter(c -> !c.supported()).count()
        + answer.checks().stream().filter(s -> !s.supported()).count());
    String sentText = String.join("\n\n", reply.stream().map(ReplyText::html).toList());
    Optional<float[]> meaning = answer.answered() ? Optional.empty() : meaning(answerId, answer.query());
    return db.transaction(c -> {
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
      for (String table : List.of("citations", "sentence_checks", "retrieved", "reply_messages", "question_vectors")) {
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
      if (meaning.isPresent()) {
        try (PreparedStatement ins = c.prepareStatement(
            "INSERT INTO question_vectors (answer_id, model, vector) VALUES (?, ?, ?)")) {
          ins.setLong(1, answerId);
          ins.setString(2, questionModel.orElseThrow().modelName());
          ins.setBytes(3, QuestionVector.bytes(meaning.get()));
          ins.executeUpdate();
        }
      }
      return List.copyOf(parts);
    });
  }

  /** The vector of {@code query} by the question model; empty without a model, a query, or when the model fails. */
  private Optional<float[]> meaning(long answerId, String query) {
    if (questionModel.isEmpty() || query == null || query.isBlank()) return Optional.empty();
    String text = query.strip();
    if (text.length() > MAX_EMBEDDED_CHARS) text = text.substring(0, MAX_EMBEDDED_CHARS);
    try {
      return Optional.of(questionModel.get().embed(text).content().vector());
    } catch (RuntimeException e) {
      log.atWarn().setCause(e).addKeyValue("answerId", answerId)
          .log("question not embedded; insights group it by its words");
      return Optional.empty();
    }
  }

  /** Every message of the reply went out (or was in flight when an earlier run stopped): the answer is done. */
  public void sent(long answerId) {
    db.transaction(c -> {
      try (PreparedStatement up = c.prepareStatement("""
          UPDATE answers SET state = 'sent', sent_at = ?, claimed_by = NULL, claimed_at = NULL WHERE id = ?""")) {
        up.setLong(1, clock.getAsLong());
        up.setLong(2, answerId);
        up.executeUpdate();
      }
      return null;
    });
  }

  /**
   * Answering failed; the reader was told {@code incidentId} (its message id, if it went out, is
   * kept after the reply's other messages, so hiding the answer hides the apology too).
   */
  public void failed(long answerId, String incidentId, Optional<Integer> apologyMessageId) {
    db.transaction(c -> {
      try (PreparedStatement up = c.prepareStatement("""
          UPDATE answers SET state = 'failed', incident_id = ?, sent_at = ?, claimed_by = NULL, claimed_at = NULL
          WHERE id = ?""")) {
        up.setString(1, incidentId);
        if (apologyMessageId.isPresent()) up.setLong(2, clock.getAsLong());
        else up.setNull(2, Types.BIGINT);
        up.setLong(3, answerId);
        up.executeUpdate();
      }
      if (apologyMessageId.isPresent()) {
        try (PreparedStatement ins = c.prepareStatement("""
            INSERT INTO reply_messages (answer_id, part, chat_id, sending_at, message_id)
            SELECT a.id, (SELECT COALESCE(MAX(r.part), -1) + 1 FROM reply_messages r WHERE r.answer_id = a.id),
                   a.chat_id, ?, ? FROM answers a WHERE a.id = ? AND a.chat_id IS NOT NULL""")) {
          ins.setLong(1, clock.getAsLong());
          ins.setLong(2, apologyMessageId.get());
          ins.setLong(3, answerId);
          ins.executeUpdate();
        }
      }
      return null;
    });
  }

  /** Gives the question back for a later attempt (Telegram could not be reached). */
  public void release(long answerId) {
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

  /**
   * Claims questions logged but never replied to ({@code received} or {@code answered}, no
   * {@code sent_at}) that no live instance holds: unclaimed, or claimed by an instance whose last
   * heartbeat is older than {@code deadBeforeMillis} (or that never beat). A conditional update
   * per row makes the claim atomic, so two instances never both take one.
   */
  public List<PendingQuestion> claimUnsent(long deadBeforeMillis, int limit) {
    return db.transaction(c -> {
      List<PendingQuestion> candidates = new ArrayList<>();
      try (PreparedStatement q = c.prepareStatement("""
          SELECT id, update_id, chat_id, user_id, chat_type, question_message_id, question, asked_at FROM answers
          WHERE sent_at IS NULL AND state IN ('received', 'answered') AND """ + claimIsFree("answers")
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
          WHERE id = ? AND sent_at IS NULL AND state IN ('received', 'answered') AND """ + claimIsFree("answers"))) {
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

  /**
   * The condition, over {@code table}'s {@code claimed_by}, that no live instance holds the row:
   * it is unclaimed, or its holder's heartbeat is older than the one parameter it takes (or the
   * holder never beat). Questions and edits are claimed by the same rule.
   */
  static String claimIsFree(String table) {
    return "(" + table + ".claimed_by IS NULL OR NOT EXISTS (SELECT 1 FROM instances i WHERE i.id = " + table
        + ".claimed_by AND i.heartbeat_at >= ?))";
  }

  /** Shows this instance is alive: its claims stay its own while its heartbeat is fresh. */
  public void beat() {
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

  /**
   * Gives back this instance's claims on unsent questions and removes its heartbeat (at shutdown),
   * so another instance may answer them at once.
   */
  public int releaseClaims() {
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

  /**
   * Forgets the ids of commands, button presses and other messages received before
   * {@code beforeMillis}: Telegram redelivers an unconfirmed update for at most a day.
   */
  public int forgetHandledUpdates(long beforeMillis) {
    return db.transaction(c -> {
      try (PreparedStatement del = c.prepareStatement("DELETE FROM handled_updates WHERE received_at < ?")) {
        del.setLong(1, beforeMillis);
        return del.executeUpdate();
      }
    });
  }

  /**
   * Stores a reader's 👍 (1) or 👎 (-1); a new vote replaces the old. Counted only when the button
   * pressed is under a message of that answer's reply in {@code chatId}: false otherwise, or when
   * there is no such answer, with no difference between the two.
   */
  public boolean feedback(long answerId, long chatId, int messageId, long userId, int value) {
    return db.transaction(c -> {
      try (PreparedStatement q = c.prepareStatement(
          "SELECT 1 FROM reply_messages WHERE answer_id = ? AND chat_id = ? AND message_id = ?")) {
        q.setLong(1, answerId);
        q.setLong(2, chatId);
        q.setLong(3, messageId);
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

package org.newsdesk.bot.log;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.newsdesk.retrieval.answer.Answer;

/**
 * The durable record of every question and its answer, written in this order: the question when
 * it arrives ({@code received}, claimed by this instance), the answer and the text of each message
 * of its reply before anything is sent ({@code answered}), each message's id as it goes out
 * ({@link Replies}), then {@code sent}. An update whose id is already logged is a redelivery and
 * is not logged again.
 *
 * <p>Claims: an instance claims the questions it answers and keeps them while its heartbeat
 * ({@link #beat}) is fresh; the rule lives in {@link Claims}. Meaning: given the embedding model of
 * dense retrieval, a not-found answer is stored with the vector of the query that was searched
 * ({@link QuestionMeaning}), so the review page groups the same need asked in other words and never
 * embeds a question twice. The answer and its evidence are written by {@link AnswerRecord}.
 * Portable SQL: the same statements run on SQLite and PostgreSQL.
 */
public final class AnswerLog implements AutoCloseable {
  private final LogDatabase database;
  private final SerialConnection db;
  private final String instance;
  private final LongSupplier clock;
  private final Claims claims;
  private final QuestionMeaning meaning;

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
    this.claims = new Claims(db, instance, clockMillis);
    this.meaning = new QuestionMeaning(questionModel);
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
    Optional<QuestionMeaning.Vector> vector =
        answer.answered() ? Optional.empty() : meaning.of(answerId, answer.query());
    return db.transaction(c ->
        AnswerRecord.write(c, answerId, answer, reply, latencyMillis, clock.getAsLong(), vector));
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
    claims.release(answerId);
  }

  /**
   * Claims questions logged but never replied to ({@code received} or {@code answered}, no
   * {@code sent_at}) that no live instance holds: unclaimed, or claimed by an instance whose last
   * heartbeat is older than {@code deadBeforeMillis} (or that never beat). A conditional update
   * per row makes the claim atomic, so two instances never both take one.
   */
  public List<PendingQuestion> claimUnsent(long deadBeforeMillis, int limit) {
    return claims.claimUnsent(deadBeforeMillis, limit);
  }

  /** Shows this instance is alive: its claims stay its own while its heartbeat is fresh. */
  public void beat() {
    claims.beat();
  }

  /**
   * Gives back this instance's claims on unsent questions and removes its heartbeat (at shutdown),
   * so another instance may answer them at once.
   */
  public int releaseClaims() {
    return claims.releaseAll();
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

package org.newsdesk.bot.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.newsdesk.bot.log.LogDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moderation of the answer log, the one implementation behind both doors: the Telegram commands
 * ({@code /review /show /flag /hide /note /stats}) and the review page. Actions: approve, flag,
 * hide, note. Reads: the review queue, one answer in full, the counts of a day.
 *
 * <p>Each action writes a {@code moderation_actions} row and the answer's state in one
 * transaction. Approve and flag undo each other, so an answer flagged after an approval is back in
 * the queue. The first hide queues an edit of every reply message to {@link #HIDDEN_NOTICE} in
 * {@code pending_edits}, which a running bot carries out (so hiding works while the bot is down);
 * a later hide is recorded but queues nothing.
 */
public final class Moderation {
  /** What the reader sees in place of a hidden answer. */
  public static final String HIDDEN_NOTICE = "This answer was removed by a moderator.";
  private static final Logger log = LoggerFactory.getLogger(Moderation.class);

  /** What a moderator can do to an answer. */
  public enum Action {
    APPROVE("UPDATE answers SET approved = 1, flagged = 0 WHERE id = ? AND (approved = 0 OR flagged = 1)"),
    FLAG("UPDATE answers SET flagged = 1, approved = 0 WHERE id = ? AND (flagged = 0 OR approved = 1)"),
    HIDE("UPDATE answers SET hidden = 1 WHERE id = ? AND hidden = 0"),
    // Changes nothing, but a write first makes SQLite take its write lock (waiting on busy_timeout)
    // instead of failing a read-then-write transaction; it also tells whether the answer exists.
    NOTE("UPDATE answers SET id = id WHERE id = ?");

    private final String update;

    Action(String update) {
      this.update = update;
    }

    /** The name as the log records it and the page's URLs carry it: approve, flag, hide, note. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The action with this {@link #label()}. */
    public static Optional<Action> labelled(String label) {
      return Arrays.stream(values()).filter(a -> a.label().equals(label)).findFirst();
    }
  }

  /**
   * What an action did. {@code changed}: the answer's state changed (false for a note, and for a
   * flag, approval or hide the answer already had); {@code editsQueued}: reader messages queued
   * for replacing with the notice.
   */
  public record Outcome(boolean changed, int editsQueued) {}

  private final LogDatabase db;
  private final LongSupplier clock;
  private final ReviewQueue queue;
  private final AnswerDetails details;
  private final Insights insights;

  /** Moderation whose insights group unanswered questions as {@code grouping} says. */
  public Moderation(LogDatabase db, LongSupplier clockMillis, QuestionGrouping grouping) {
    this.db = db;
    this.clock = clockMillis;
    this.queue = new ReviewQueue(db);
    this.details = new AnswerDetails(db);
    this.insights = new Insights(db, grouping);
  }

  /** Moderation whose insights group unanswered questions by their words (Telegram's commands show no groups). */
  public Moderation(LogDatabase db, LongSupplier clockMillis) {
    this(db, clockMillis, QuestionGrouping.byWords());
  }

  /**
   * Records {@code action} on the answer by {@code moderator} ({@code telegram:<user id>} or
   * {@code review:<name>}). Empty when there is no such answer.
   *
   * @throws InvalidRequest when a note has no text
   */
  public Optional<Outcome> act(long answerId, Action action, String moderator, String note) {
    if (moderator == null || moderator.isBlank()) throw new IllegalArgumentException("moderator is blank");
    String text = note == null || note.isBlank() ? null : note.strip();
    if (action == Action.NOTE && text == null) throw new InvalidRequest("A note needs some text.");
    long now = clock.getAsLong();
    try (Connection c = db.open()) {
      c.setAutoCommit(false);
      try {
        Optional<Outcome> outcome = apply(c, answerId, action, now);
        if (outcome.isPresent()) record(c, answerId, action, moderator, text, now);
        c.commit();
        outcome.ifPresent(o -> log.atInfo().addKeyValue("answerId", answerId).addKeyValue("action", action.label())
            .addKeyValue("moderator", moderator).addKeyValue("changed", o.changed())
            .addKeyValue("editsQueued", o.editsQueued()).log("moderation action"));
        return outcome;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new ReviewStoreException("cannot record the " + action.label() + " of answer " + answerId, e);
    }
  }

  /** Up to {@code limit} answers matching the filter, newest first, older than {@code after} when given. */
  public QueuePage queue(QueueFilter filter, Optional<QueuePage.Cursor> after, int limit) {
    return queue.page(filter, after, limit);
  }

  /** Everything the log holds about one answer; empty when there is none. */
  public Optional<AnswerDetail> answer(long answerId) {
    return details.load(answerId);
  }

  /** The counts of the questions asked on one UTC day. */
  public InsightsReport.Day day(LocalDate day) {
    return insights.day(day);
  }

  /** Per-day counts over {@code from..to} and the {@code top} needs the articles could not meet, most asked first. */
  public InsightsReport insights(LocalDate from, LocalDate to, int top) {
    return insights.report(from, to, top);
  }

  private static Optional<Outcome> apply(Connection c, long answerId, Action action, long now) throws SQLException {
    int changed;
    try (PreparedStatement ps = c.prepareStatement(action.update)) {
      ps.setLong(1, answerId);
      changed = ps.executeUpdate();
    }
    if (changed == 0) return exists(c, answerId) ? Optional.of(new Outcome(false, 0)) : Optional.empty();
    return Optional.of(switch (action) {
      case NOTE -> new Outcome(false, 0);
      case HIDE -> new Outcome(true, queueEdits(c, answerId, now));
      case APPROVE, FLAG -> new Outcome(true, 0);
    });
  }

  /**
   * Queues the replacement of every message of the reply the reader holds (each part of a long
   * answer, and an apology), by the ids logged as they were sent; the running bot makes the edits.
   */
  private static int queueEdits(Connection c, long answerId, long now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("""
        INSERT INTO pending_edits (answer_id, chat_id, message_id, new_text, requested_at)
        SELECT answer_id, chat_id, message_id, ?, ? FROM reply_messages
        WHERE answer_id = ? AND message_id IS NOT NULL ORDER BY part""")) {
      ps.setString(1, HIDDEN_NOTICE);
      ps.setLong(2, now);
      ps.setLong(3, answerId);
      return ps.executeUpdate();
    }
  }

  private static void record(Connection c, long answerId, Action action, String moderator, String note, long now)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO moderation_actions (answer_id, moderator, action, note, at) VALUES (?, ?, ?, ?, ?)")) {
      ps.setLong(1, answerId);
      ps.setString(2, moderator);
      ps.setString(3, action.label());
      ps.setString(4, note);
      ps.setLong(5, now);
      ps.executeUpdate();
    }
  }

  private static boolean exists(Connection c, long answerId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM answers WHERE id = ?")) {
      ps.setLong(1, answerId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}

package org.newsdesk.bot.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import org.newsdesk.bot.log.LogDatabase;
import org.newsdesk.bot.telegram.TelegramReplies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A moderator's actions on an answer. Each one writes a {@code moderation_actions} row and the
 * answer's flags in one transaction. Hiding also queues an edit of every reply message to
 * {@link #HIDDEN_NOTICE} in {@code pending_edits}; the running bot carries those out, so hiding
 * works while the bot is down.
 */
public final class Moderation {
  /** What the reader sees in place of a hidden answer: the same notice as a hide from Telegram. */
  public static final String HIDDEN_NOTICE = TelegramReplies.HIDDEN_NOTICE;
  private static final Logger log = LoggerFactory.getLogger(Moderation.class);

  /** What a moderator can do to an answer. */
  public enum Kind {
    APPROVE("approve", "approved = 1, flagged = 0"),
    FLAG("flag", "flagged = 1, approved = 0"),
    HIDE("hide", "hidden = 1"),
    NOTE("note", null);

    private final String name;
    private final String set;

    Kind(String name, String set) {
      this.name = name;
      this.set = set;
    }

    public String actionName() {
      return name;
    }
  }

  private final LogDatabase db;
  private final Clock clock;

  public Moderation(LogDatabase db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Records the action by {@code moderator} ("review:&lt;name&gt;"); returns the number of reader
   * messages queued for editing (only a first hide queues any).
   *
   * @throws IllegalArgumentException when the answer does not exist or a note is blank
   */
  public int act(long answerId, Kind kind, String moderator, String note) {
    if (moderator == null || moderator.isBlank()) throw new IllegalArgumentException("moderator is blank");
    if (kind == Kind.NOTE && (note == null || note.isBlank())) {
      throw new IllegalArgumentException("A note needs some text.");
    }
    long now = clock.millis();
    try (Connection c = db.open()) {
      c.setAutoCommit(false);
      try {
        int queued = apply(c, answerId, kind, now);
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO moderation_actions (answer_id, moderator, action, note, at) VALUES (?, ?, ?, ?, ?)")) {
          ps.setLong(1, answerId);
          ps.setString(2, moderator);
          ps.setString(3, kind.name);
          ps.setString(4, note == null || note.isBlank() ? null : note.strip());
          ps.setLong(5, now);
          ps.executeUpdate();
        }
        c.commit();
        log.atInfo().addKeyValue("answerId", answerId).addKeyValue("action", kind.name)
            .addKeyValue("moderator", moderator).addKeyValue("editsQueued", queued).log("moderation action");
        return queued;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new ReviewStoreException("cannot record the " + kind.name + " of answer " + answerId, e);
    }
  }

  private static int apply(Connection c, long answerId, Kind kind, long now) throws SQLException {
    // The first statement writes, so SQLite takes its write lock up front (waiting on busy_timeout)
    // instead of failing a read-then-write transaction.
    String sql = kind.set == null ? "UPDATE answers SET id = id WHERE id = ?"
        : kind == Kind.HIDE ? "UPDATE answers SET hidden = 1 WHERE id = ? AND hidden = 0"
        : "UPDATE answers SET " + kind.set + " WHERE id = ?";
    int changed;
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, answerId);
      changed = ps.executeUpdate();
    }
    if (changed == 0) {
      if (!exists(c, answerId)) throw new IllegalArgumentException("There is no answer " + answerId + ".");
      return 0; // already hidden: its edits were queued the first time
    }
    return kind == Kind.HIDE ? queueEdits(c, answerId, now) : 0;
  }

  private static int queueEdits(Connection c, long answerId, long now) throws SQLException {
    long chatId;
    String replies;
    try (PreparedStatement ps = c.prepareStatement("SELECT chat_id, reply_message_ids FROM answers WHERE id = ?")) {
      ps.setLong(1, answerId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        chatId = rs.getLong(1);
        if (rs.wasNull()) return 0;
        replies = rs.getString(2);
      }
    }
    if (replies == null || replies.isBlank()) return 0;
    int queued = 0;
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO pending_edits"
        + " (answer_id, chat_id, message_id, new_text, requested_at) VALUES (?, ?, ?, ?, ?)")) {
      for (String part : replies.split(",")) {
        if (part.isBlank()) continue;
        ps.setLong(1, answerId);
        ps.setLong(2, chatId);
        ps.setLong(3, Long.parseLong(part.strip()));
        ps.setString(4, HIDDEN_NOTICE);
        ps.setLong(5, now);
        ps.executeUpdate();
        queued++;
      }
    }
    return queued;
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

package org.newsdesk.bot.log;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The messages of each reply, recorded one by one as they are sent, so that a restart resumes a
 * reply at its first unsent message and never sends one twice. For each part: {@link #begin}
 * just before the send, {@link #delivered} with Telegram's message id as soon as it returns (or
 * {@link #notDelivered} when Telegram could not be reached). A part begun and never finished was
 * in flight when the process died; Telegram may have delivered it, so it is never sent again.
 *
 * <p>It shares the answer log's connection, instance id and clock, as {@link EditQueue} does.
 */
public final class Replies {
  private final AnswerLog log;

  public Replies(AnswerLog log) {
    this.log = log;
  }

  /** The stored messages of the answer's reply in order; empty when it was not answered yet. */
  public List<ReplyPart> parts(long answerId) {
    return log.transaction(c -> {
      List<ReplyPart> parts = new ArrayList<>();
      try (PreparedStatement q = c.prepareStatement("""
          SELECT part, html, plain, sending_at, message_id FROM reply_messages
          WHERE answer_id = ? AND html IS NOT NULL ORDER BY part""")) {
        q.setLong(1, answerId);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            int index = rs.getInt(1);
            ReplyText text = new ReplyText(rs.getString(2), rs.getString(3));
            rs.getLong(4);
            boolean attempted = !rs.wasNull();
            long messageId = rs.getLong(5);
            parts.add(new ReplyPart(index, text, attempted,
                rs.wasNull() ? OptionalInt.empty() : OptionalInt.of((int) messageId)));
          }
        }
      }
      return parts;
    });
  }

  /**
   * Marks the part as being sent, if this instance still holds the question and the part was
   * never begun: false when another instance took the question over (this one's heartbeat
   * stopped for too long) or the part was begun before, and it must then not be sent.
   */
  public boolean begin(long answerId, int part) {
    return log.transaction(c -> {
      try (PreparedStatement up = c.prepareStatement("""
          UPDATE reply_messages SET sending_at = ? WHERE answer_id = ? AND part = ? AND sending_at IS NULL
            AND EXISTS (SELECT 1 FROM answers a WHERE a.id = ? AND a.claimed_by = ?)""")) {
        up.setLong(1, log.now());
        up.setLong(2, answerId);
        up.setInt(3, part);
        up.setLong(4, answerId);
        up.setString(5, log.instance());
        return up.executeUpdate() == 1;
      }
    });
  }

  /** Telegram accepted the part as message {@code messageId}. */
  public void delivered(long answerId, int part, int messageId) {
    log.transaction(c -> {
      try (PreparedStatement up = c.prepareStatement(
          "UPDATE reply_messages SET message_id = ? WHERE answer_id = ? AND part = ?")) {
        up.setLong(1, messageId);
        up.setLong(2, answerId);
        up.setInt(3, part);
        up.executeUpdate();
      }
      return null;
    });
  }

  /** Telegram could not be reached, after every retry: the part is to be sent again later. */
  public void notDelivered(long answerId, int part) {
    log.transaction(c -> {
      try (PreparedStatement up = c.prepareStatement(
          "UPDATE reply_messages SET sending_at = NULL WHERE answer_id = ? AND part = ? AND message_id IS NULL")) {
        up.setLong(1, answerId);
        up.setInt(2, part);
        up.executeUpdate();
      }
      return null;
    });
  }
}

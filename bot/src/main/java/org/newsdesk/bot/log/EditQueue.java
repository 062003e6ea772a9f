package org.newsdesk.bot.log;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The running bot's side of {@code pending_edits}: claim the edits moderators queued, then
 * finish or release each. It lives with the answer log rather than with the moderation service
 * because claiming is the running instance's business: it shares the log's connection, instance
 * id and clock, and follows the same claim rule as {@link AnswerLog#claimUnsent} (a claim held by
 * an instance whose heartbeat stopped is taken over), so the two change together. The moderation service
 * only queues edits, inside the transaction of a hide, and never carries one out.
 */
public final class EditQueue {
  private final AnswerLog log;

  public EditQueue(AnswerLog log) {
    this.log = log;
  }

  /**
   * Claims open edits for this instance, oldest first: unclaimed, or claimed by an instance whose
   * last heartbeat is older than {@code deadBeforeMillis}.
   */
  public List<PendingEdit> claim(long deadBeforeMillis, int limit) {
    return log.transaction(c -> {
      List<PendingEdit> open = new ArrayList<>();
      try (PreparedStatement q = c.prepareStatement("""
          SELECT id, answer_id, chat_id, message_id, new_text FROM pending_edits
          WHERE done_at IS NULL AND """ + Claims.free("pending_edits") + " ORDER BY id LIMIT ?")) {
        q.setLong(1, deadBeforeMillis);
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
            AND """ + Claims.free("pending_edits"))) {
        for (PendingEdit e : open) {
          up.setString(1, log.instance());
          up.setLong(2, log.now());
          up.setLong(3, e.id());
          up.setLong(4, deadBeforeMillis);
          if (up.executeUpdate() == 1) claimed.add(e);
        }
      }
      return claimed;
    });
  }

  /** The edit is done; {@code error} is Telegram's refusal when it could not be done at all, else null. */
  public void finished(long editId, String error) {
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
  public void released(long editId) {
    log.transaction(c -> {
      try (PreparedStatement up = c.prepareStatement(
          "UPDATE pending_edits SET claimed_by = NULL, claimed_at = NULL WHERE id = ?")) {
        up.setLong(1, editId);
        up.executeUpdate();
      }
      return null;
    });
  }
}

package org.newsdesk.bot.review;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link QueueFilter} as a SQL condition over {@code answers a}, written once for SQLite and
 * PostgreSQL. Flag predicates are literal so the partial indexes of V3 apply; user text is only
 * ever a bound parameter.
 */
final class FilterSql {
  /** {@link QueueFilter#needingLook()}: the review queue both doors show. */
  static final String NEEDS_LOOK = "a.hidden = 0 AND a.approved = 0 AND a.state IN ('sent', 'answered', 'failed')"
      + " AND (a.flagged = 1 OR a.answered = 0 OR a.unsupported > 0 OR a.state = 'failed'"
      + " OR EXISTS (SELECT 1 FROM feedback fl WHERE fl.answer_id = a.id AND fl.value = -1))";

  private final List<String> conditions = new ArrayList<>();
  private final List<Object> params = new ArrayList<>();

  FilterSql(QueueFilter f) {
    if (f.needsLook()) conditions.add("(" + NEEDS_LOOK + ")");
    if (f.thumbsDown()) {
      conditions.add("EXISTS (SELECT 1 FROM feedback fd WHERE fd.answer_id = a.id AND fd.value = -1)");
    }
    if (f.unsupported()) conditions.add("a.unsupported > 0");
    if (f.notFound()) conditions.add("a.answered = 0");
    if (f.flagged()) conditions.add("a.flagged = 1");
    if (f.hidden()) conditions.add("a.hidden = 1");
    f.fromMillis().ifPresent(ms -> add("a.asked_at >= ?", ms));
    f.toMillisExclusive().ifPresent(ms -> add("a.asked_at < ?", ms));
    f.chatType().ifPresent(t -> add("a.chat_type = ?", t));
    f.text().ifPresent(t -> {
      String pattern = "%" + likeEscape(t.toLowerCase(Locale.ROOT)) + "%";
      conditions.add("(LOWER(a.question) LIKE ? ESCAPE '\\' OR LOWER(a.answer_text) LIKE ? ESCAPE '\\')");
      params.add(pattern);
      params.add(pattern);
    });
  }

  /** Adds a condition with one bound value (for the paging cursor). */
  FilterSql add(String condition, Object... values) {
    conditions.add(condition);
    params.addAll(List.of(values));
    return this;
  }

  /** {@code WHERE ...} or the empty string. */
  String where() {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  /** Binds the parameters from index 1; returns the next free index. */
  int bind(PreparedStatement ps) throws SQLException {
    int i = 1;
    for (Object p : params) ps.setObject(i++, p);
    return i;
  }

  private static String likeEscape(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}

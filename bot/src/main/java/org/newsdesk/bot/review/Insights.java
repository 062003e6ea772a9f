package org.newsdesk.bot.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.newsdesk.bot.log.LogDatabase;

/**
 * Counts per UTC day of the day's questions: how many, answered, not found, failed, and the 👍/👎
 * they received; with the questions the articles could not answer, grouped. The insights page and
 * Telegram's {@code /stats} both read these.
 */
final class Insights {
  private static final long DAY_MS = 86_400_000L;
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private final LogDatabase db;

  Insights(LogDatabase db) {
    this.db = db;
  }

  /** The report for the days {@code from..to} (inclusive), with the {@code top} most frequent unanswered questions. */
  InsightsReport report(LocalDate from, LocalDate to, int top) {
    if (from.isAfter(to)) throw QueueFilter.rangeBackwards(from, to);
    try (Connection c = db.open()) {
      List<InsightsReport.Day> list = days(c, from, to);
      long q = 0, ans = 0, nf = 0, up = 0, down = 0;
      for (InsightsReport.Day d : list) {
        q += d.questions();
        ans += d.answered();
        nf += d.notFound();
        up += d.thumbsUp();
        down += d.thumbsDown();
      }
      return new InsightsReport(from, to, list, q, ans, nf, up, down,
          unanswered(c, startOf(from), startOf(to) + DAY_MS, top));
    } catch (SQLException e) {
      throw new ReviewStoreException("cannot compute insights", e);
    }
  }

  /** The counts of one day. */
  InsightsReport.Day day(LocalDate day) {
    try (Connection c = db.open()) {
      return days(c, day, day).get(0);
    } catch (SQLException e) {
      throw new ReviewStoreException("cannot count the answers of " + day, e);
    }
  }

  /** Every day of {@code from..to}, quiet ones with zeros. */
  private static List<InsightsReport.Day> days(Connection c, LocalDate from, LocalDate to) throws SQLException {
    long start = startOf(from);
    long end = startOf(to) + DAY_MS;
    Map<LocalDate, long[]> days = new LinkedHashMap<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) days.put(d, new long[7]);
    try (PreparedStatement ps = c.prepareStatement("SELECT a.asked_at / 86400000 AS day, COUNT(*),"
        + " SUM(CASE WHEN a.answered = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN a.answered = 0 THEN 1 ELSE 0 END),"
        + " SUM(CASE WHEN a.state = 'failed' THEN 1 ELSE 0 END), SUM(CASE WHEN a.state = 'refused' THEN 1 ELSE 0 END)"
        + " FROM answers a WHERE a.asked_at >= ? AND a.asked_at < ? GROUP BY a.asked_at / 86400000")) {
      ps.setLong(1, start);
      ps.setLong(2, end);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long[] d = days.get(LocalDate.ofEpochDay(rs.getLong(1)));
          d[0] = rs.getLong(2);
          d[1] = rs.getLong(3);
          d[2] = rs.getLong(4);
          d[3] = rs.getLong(5);
          d[4] = rs.getLong(6);
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT a.asked_at / 86400000 AS day,"
        + " SUM(CASE WHEN f.value = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN f.value = -1 THEN 1 ELSE 0 END)"
        + " FROM feedback f JOIN answers a ON a.id = f.answer_id"
        + " WHERE a.asked_at >= ? AND a.asked_at < ? GROUP BY a.asked_at / 86400000")) {
      ps.setLong(1, start);
      ps.setLong(2, end);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long[] d = days.get(LocalDate.ofEpochDay(rs.getLong(1)));
          d[5] = rs.getLong(2);
          d[6] = rs.getLong(3);
        }
      }
    }
    List<InsightsReport.Day> list = new ArrayList<>();
    days.forEach((date, d) -> list.add(new InsightsReport.Day(date, d[0], d[1], d[2], d[3], d[4], d[5], d[6])));
    return list;
  }

  private static long startOf(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  private List<InsightsReport.Unanswered> unanswered(Connection c, long start, long end, int top) throws SQLException {
    Map<String, long[]> counts = new HashMap<>();
    Map<String, String> examples = new HashMap<>();
    if (db.isPostgres()) c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT a.question FROM answers a WHERE a.answered = 0 AND a.asked_at >= ? AND a.asked_at < ?")) {
      ps.setFetchSize(1000);
      ps.setLong(1, start);
      ps.setLong(2, end);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String question = rs.getString(1);
          String key = normalize(question);
          if (key.isEmpty()) continue;
          counts.computeIfAbsent(key, k -> new long[1])[0]++;
          examples.putIfAbsent(key, question);
        }
      }
    } finally {
      if (db.isPostgres()) {
        c.commit();
        c.setAutoCommit(true);
      }
    }
    return counts.entrySet().stream()
        .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0]).thenComparing(Map.Entry::getKey))
        .limit(top)
        .map(e -> new InsightsReport.Unanswered(e.getKey(), examples.get(e.getKey()), e.getValue()[0]))
        .toList();
  }

  /** Lower case, punctuation dropped, whitespace collapsed: "Who won?" and "who won" count as one. */
  static String normalize(String question) {
    return NOT_WORD.matcher(question.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }
}

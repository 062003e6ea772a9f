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

/** Counts for the insights page, computed in the database per UTC day. */
public final class Insights {
  private static final long DAY_MS = 86_400_000L;
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private final LogDatabase db;

  public Insights(LogDatabase db) {
    this.db = db;
  }

  /** The report for the days {@code from..to} (inclusive), with the {@code top} most frequent unanswered questions. */
  public InsightsReport report(LocalDate from, LocalDate to, int top) {
    if (from.isAfter(to)) throw new IllegalArgumentException("date range starts after it ends: " + from + " > " + to);
    long start = from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    long end = to.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + DAY_MS;
    Map<LocalDate, long[]> days = new LinkedHashMap<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) days.put(d, new long[5]);
    try (Connection c = db.open()) {
      try (PreparedStatement ps = c.prepareStatement("SELECT a.asked_at / 86400000 AS day, COUNT(*),"
          + " SUM(CASE WHEN a.answered = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN a.answered = 0 THEN 1 ELSE 0 END)"
          + " FROM answers a WHERE a.asked_at >= ? AND a.asked_at < ? GROUP BY a.asked_at / 86400000")) {
        ps.setLong(1, start);
        ps.setLong(2, end);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            long[] d = days.get(LocalDate.ofEpochDay(rs.getLong(1)));
            d[0] = rs.getLong(2);
            d[1] = rs.getLong(3);
            d[2] = rs.getLong(4);
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
            d[3] = rs.getLong(2);
            d[4] = rs.getLong(3);
          }
        }
      }
      List<InsightsReport.Day> list = new ArrayList<>();
      long q = 0, ans = 0, nf = 0, up = 0, down = 0;
      for (Map.Entry<LocalDate, long[]> e : days.entrySet()) {
        long[] d = e.getValue();
        list.add(new InsightsReport.Day(e.getKey(), d[0], d[1], d[2], d[3], d[4]));
        q += d[0];
        ans += d[1];
        nf += d[2];
        up += d[3];
        down += d[4];
      }
      return new InsightsReport(from, to, list, q, ans, nf, up, down, unanswered(c, start, end, top));
    } catch (SQLException e) {
      throw new ReviewStoreException("cannot compute insights", e);
    }
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
  public static String normalize(String question) {
    return NOT_WORD.matcher(question.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }
}

package org.newsdesk.bot.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.newsdesk.bot.log.LogDatabase;
import org.newsdesk.bot.log.QuestionVector;

/**
 * Counts per UTC day of the day's questions: how many, answered, not found, failed, and the 👍/👎
 * they received; with the questions the articles could not answer, grouped as {@link QuestionGrouping}
 * says. The insights page and Telegram's {@code /stats} both read these.
 *
 * <p>Grouping by meaning reads the vectors the bot stored with each not-found answer
 * ({@link org.newsdesk.bot.log.AnswerLog}) rather than embedding questions here: the review page
 * then loads no model (no ONNX runtime, no second of loading, no embedding per page view), and a
 * question is embedded once, when it is answered, by the process that has the model loaded anyway.
 * The cost: questions logged without a vector of the model (before the log kept vectors, while
 * dense retrieval was off, or when the model failed) are grouped by their exact words, each such
 * phrasing a row of its own, and the page says how many there are.
 */
final class Insights {
  private static final long DAY_MS = 86_400_000L;
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  /** Phrasings shown under a row besides its own. */
  private static final int OTHER_PHRASINGS = 3;
  private final LogDatabase db;
  private final QuestionGrouping grouping;

  Insights(LogDatabase db, QuestionGrouping grouping) {
    this.db = db;
    this.grouping = grouping;
  }

  /** The report for the days {@code from..to} (inclusive), with the {@code top} most frequent unanswered needs. */
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
      Unanswered unanswered = unanswered(c, startOf(from), startOf(to) + DAY_MS, nf, top);
      return new InsightsReport(from, to, list, q, ans, nf, up, down, unanswered.rows(), unanswered.grouping());
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

  /**
   * The range's not-found questions ({@code notFound} of them), newest first and at most the
   * grouping's cap, grouped: first by their normalised words into phrasings, then (by meaning) the
   * phrasings with a vector of the grouping's model by their similarity.
   */
  private Unanswered unanswered(Connection c, long start, long end, long notFound, int top) throws SQLException {
    Optional<String> model = grouping.model();
    Map<String, Tally> phrasings = new LinkedHashMap<>();
    int read = 0;
    if (db.isPostgres()) c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement(model.isPresent()
        ? "SELECT a.question, v.model, v.vector FROM answers a LEFT JOIN question_vectors v ON v.answer_id = a.id"
            + " WHERE a.answered = 0 AND a.asked_at >= ? AND a.asked_at < ? ORDER BY a.asked_at DESC, a.id DESC LIMIT ?"
        : "SELECT a.question, NULL, NULL FROM answers a"
            + " WHERE a.answered = 0 AND a.asked_at >= ? AND a.asked_at < ? ORDER BY a.asked_at DESC, a.id DESC LIMIT ?")) {
      ps.setFetchSize(1000);
      ps.setLong(1, start);
      ps.setLong(2, end);
      ps.setInt(3, grouping.maxQuestions());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          read++;
          String question = rs.getString(1);
          String key = normalize(question);
          if (key.isEmpty()) continue;
          Tally p = phrasings.computeIfAbsent(key, k -> new Tally(question));
          p.count++;
          if (p.vector == null && model.isPresent() && model.get().equals(rs.getString(2))) {
            p.vector = unit(QuestionVector.floats(rs.getBytes(3)));
          }
        }
      }
    } finally {
      if (db.isPostgres()) {
        c.commit();
        c.setAutoCommit(true);
      }
    }
    List<QuestionGroups.Phrasing> distinct = phrasings.values().stream()
        .map(p -> new QuestionGroups.Phrasing(p.asked, p.count, p.vector)).toList();
    long byWords = model.isEmpty() ? 0
        : distinct.stream().filter(p -> p.vector() == null).mapToLong(QuestionGroups.Phrasing::count).sum();
    List<InsightsReport.Unanswered> rows = QuestionGroups.group(distinct, QuestionGroups.SIMILARITY).stream()
        .limit(top)
        .map(g -> new InsightsReport.Unanswered(g.get(0).asked(), QuestionGroups.count(g),
            g.stream().skip(1).limit(OTHER_PHRASINGS).map(QuestionGroups.Phrasing::asked).toList()))
        .toList();
    return new Unanswered(rows, new InsightsReport.Grouping(model.orElse(""), read, notFound > read, byWords));
  }

  private record Unanswered(List<InsightsReport.Unanswered> rows, InsightsReport.Grouping grouping) {}

  /** A distinct question as it is read: the newest wording, how often, its vector once one is found. */
  private static final class Tally {
    final String asked;
    long count;
    float[] vector;

    Tally(String asked) {
      this.asked = asked;
    }
  }

  /** {@code v} scaled to length 1, so a dot product is the cosine. */
  private static float[] unit(float[] v) {
    double norm = 0;
    for (float x : v) norm += x * x;
    float n = (float) Math.sqrt(norm);
    if (n == 0) return v;
    for (int i = 0; i < v.length; i++) v[i] /= n;
    return v;
  }

  /** Lower case, punctuation dropped, whitespace collapsed: "Who won?" and "who won" count as one. */
  static String normalize(String question) {
    return NOT_WORD.matcher(question.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }
}

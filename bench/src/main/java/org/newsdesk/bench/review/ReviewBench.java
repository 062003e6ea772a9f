package org.newsdesk.bench.review;

import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.newsdesk.bot.log.LogDatabase;
import org.newsdesk.bot.review.Export;
import org.newsdesk.bot.review.QueueFilter;
import org.newsdesk.bot.review.QueuePage;
import org.newsdesk.bot.review.QueueRow;
import org.newsdesk.bot.review.ReviewQueue;
import org.newsdesk.bot.review.ReviewStoreException;

/**
 * Times the review queue on a large log: the first page and a deep page (keyset cursor half way
 * down the view) for each filter, as medians of repeated runs, plus a full CSV export.
 */
public final class ReviewBench {
  /** One measured row of the table (query times on an open connection). */
  public record Row(String filter, long matches, double firstPageMs, double deepPageMs) {}

  private final LogDatabase db;
  private final int repeats;

  public ReviewBench(LogDatabase db, int repeats) {
    if (repeats < 1) throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
    this.db = db;
    this.repeats = repeats;
  }

  /** The filters the table covers, by name. */
  public static Map<String, QueueFilter> filters() {
    Map<String, QueueFilter> m = new LinkedHashMap<>();
    QueueFilter all = QueueFilter.all();
    m.put("none (all answers)", all);
    m.put("👎", all.withThumbsDown());
    m.put("unsupported citations", new QueueFilter(false, false, true, false, false, false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    m.put("not found", new QueueFilter(false, false, false, true, false, false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    m.put("flagged", new QueueFilter(false, false, false, false, true, false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    m.put("hidden", new QueueFilter(false, false, false, false, false, true, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    m.put("date range (one week)", new QueueFilter(false, false, false, false, false, false,
        Optional.of(LocalDate.parse("2024-06-01")), Optional.of(LocalDate.parse("2024-06-07")), Optional.empty(), Optional.empty()));
    m.put("chat type = supergroup", new QueueFilter(false, false, false, false, false, false, Optional.empty(), Optional.empty(), Optional.of("supergroup"), Optional.empty()));
    m.put("text \"stadium\" (common)", new QueueFilter(false, false, false, false, false, false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("stadium")));
    m.put("text \"" + SyntheticLog.RARE_WORD + "\" (rare)", new QueueFilter(false, false, false, false, false, false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(SyntheticLog.RARE_WORD)));
    m.put("👎 + not found + supergroup", new QueueFilter(false, true, false, true, false, false, Optional.empty(), Optional.empty(), Optional.of("supergroup"), Optional.empty()));
    return m;
  }

  public List<Row> run(int pageSize) {
    ReviewQueue queue = new ReviewQueue(db);
    List<Row> rows = new ArrayList<>();
    try (Connection c = db.open()) {
      for (Map.Entry<String, QueueFilter> e : filters().entrySet()) {
        QueueFilter f = e.getValue();
        long matches = new Export(db).write(f, Export.Format.CSV, OutputStream.nullOutputStream());
        double first = median(() -> queue.page(c, f, Optional.empty(), pageSize));
        Optional<QueuePage.Cursor> deep = cursorAt(queue, f, matches / 2);
        double deepMs = deep.isEmpty() ? Double.NaN : median(() -> queue.page(c, f, deep, pageSize));
        rows.add(new Row(e.getKey(), matches, first, deepMs));
      }
    } catch (SQLException e) {
      throw new ReviewStoreException("benchmark query failed", e);
    }
    return rows;
  }

  /** Median milliseconds to open (and close) a connection to the log, which every page request pays. */
  public double connectMs() {
    return median(() -> {
      try (Connection c = db.open()) {
        c.isValid(1);
      } catch (SQLException e) {
        throw new ReviewStoreException("cannot connect", e);
      }
    });
  }

  /** Milliseconds to export the whole log as CSV (one run). */
  public double exportAllMs() {
    long t = System.nanoTime();
    new Export(db).write(QueueFilter.all(), Export.Format.CSV, OutputStream.nullOutputStream());
    return (System.nanoTime() - t) / 1e6;
  }

  /** The cursor of the row about {@code skip} rows down the view, found by paging in large steps. */
  private static Optional<QueuePage.Cursor> cursorAt(ReviewQueue queue, QueueFilter f, long skip) {
    if (skip < 1) return Optional.empty();
    Optional<QueuePage.Cursor> c = Optional.empty();
    long passed = 0;
    while (passed < skip) {
      int step = (int) Math.min(500, skip - passed);
      QueuePage p = queue.page(f, c, step);
      if (p.rows().isEmpty()) break;
      QueueRow last = p.rows().get(p.rows().size() - 1);
      c = Optional.of(new QueuePage.Cursor(last.askedAt().toEpochMilli(), last.id()));
      passed += p.rows().size();
      if (p.next().isEmpty()) break;
    }
    return c;
  }

  private interface Timed {
    void run() throws SQLException;
  }

  private double median(Timed r) {
    try {
      return medianOf(r);
    } catch (SQLException e) {
      throw new ReviewStoreException("benchmark query failed", e);
    }
  }

  private double medianOf(Timed r) throws SQLException {
    r.run(); // warm-up
    double[] ms = new double[repeats];
    for (int i = 0; i < repeats; i++) {
      long t = System.nanoTime();
      r.run();
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    return ms[repeats / 2];
  }
}

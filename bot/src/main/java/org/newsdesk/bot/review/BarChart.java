package org.newsdesk.bot.review;

import java.util.ArrayList;
import java.util.List;

/**
 * Geometry of the SVG charts on the insights page, computed here so the template only places
 * rectangles and labels (no script, nothing fetched).
 */
public record BarChart(int width, int height, List<Bar> bars, List<Label> labels) {
  public BarChart {
    bars = List.copyOf(bars);
    labels = List.copyOf(labels);
  }

  /** A rectangle with a CSS class and a tooltip. */
  public record Bar(double x, double y, double width, double height, String css, String title) {}

  /** A text label at a position. */
  public record Label(double x, double y, String text, String anchor) {}

  private static final int PLOT_HEIGHT = 160;
  private static final int TOP = 10;
  private static final int BOTTOM = 30;

  /** Questions per day, answered stacked under not found. */
  public static BarChart perDay(List<InsightsReport.Day> days) {
    long max = Math.max(1, days.stream().mapToLong(InsightsReport.Day::questions).max().orElse(1));
    double slot = Math.max(8, Math.min(40, 720.0 / Math.max(1, days.size())));
    double barWidth = slot * 0.75;
    int left = 40;
    int width = (int) Math.ceil(left + slot * days.size() + 10);
    List<Bar> bars = new ArrayList<>();
    List<Label> labels = new ArrayList<>();
    labels.add(new Label(left - 6, TOP + 4, Long.toString(max), "end"));
    labels.add(new Label(left - 6, TOP + PLOT_HEIGHT, "0", "end"));
    int every = Math.max(1, (int) Math.ceil(days.size() / 8.0));
    for (int i = 0; i < days.size(); i++) {
      InsightsReport.Day d = days.get(i);
      double x = left + i * slot;
      double answeredH = PLOT_HEIGHT * (double) d.answered() / max;
      double notFoundH = PLOT_HEIGHT * (double) d.notFound() / max;
      double base = TOP + PLOT_HEIGHT;
      String title = d.date() + ": " + d.questions() + " questions, " + d.answered() + " answered, "
          + d.notFound() + " not found";
      bars.add(new Bar(x, base - answeredH, barWidth, answeredH, "answered", title));
      bars.add(new Bar(x, base - answeredH - notFoundH, barWidth, notFoundH, "notfound", title));
      if (i % every == 0) labels.add(new Label(x + barWidth / 2, base + 16, d.date().toString().substring(5), "middle"));
    }
    return new BarChart(width, TOP + PLOT_HEIGHT + BOTTOM, bars, labels);
  }

  /** The most asked unanswered needs as horizontal bars. */
  public static BarChart unanswered(List<InsightsReport.Unanswered> rows) {
    long max = Math.max(1, rows.stream().mapToLong(InsightsReport.Unanswered::count).max().orElse(1));
    int rowHeight = 22;
    int left = 330;
    int plot = 380;
    List<Bar> bars = new ArrayList<>();
    List<Label> labels = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      InsightsReport.Unanswered u = rows.get(i);
      double y = 6 + i * rowHeight;
      double w = plot * (double) u.count() / max;
      String text = u.question().length() > 48 ? u.question().substring(0, 47) + "…" : u.question();
      labels.add(new Label(left - 8, y + 14, text, "end"));
      bars.add(new Bar(left, y + 2, Math.max(1, w), rowHeight - 6, "notfound", u.count() + " × " + u.question()));
      labels.add(new Label(left + w + 6, y + 14, Long.toString(u.count()), "start"));
    }
    return new BarChart(left + plot + 50, 12 + rows.size() * rowHeight, bars, labels);
  }
}

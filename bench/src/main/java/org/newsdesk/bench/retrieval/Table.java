package org.newsdesk.bench.retrieval;

import java.util.List;

/** A Markdown table, readable in a terminal and pasteable into the benchmark docs; columns padded to their widest cell. */
public final class Table {
  private Table() {}

  public static String markdown(String[] header, List<String[]> rows) {
    int[] width = new int[header.length];
    for (int i = 0; i < header.length; i++) width[i] = header[i].length();
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
    }
    StringBuilder sb = new StringBuilder();
    line(sb, header, width);
    String[] rule = new String[header.length];
    for (int i = 0; i < header.length; i++) rule[i] = "-".repeat(width[i]);
    line(sb, rule, width);
    for (String[] r : rows) line(sb, r, width);
    return sb.toString();
  }

  private static void line(StringBuilder sb, String[] cells, int[] width) {
    sb.append('|');
    for (int i = 0; i < cells.length; i++) {
      sb.append(' ').append(cells[i]).append(" ".repeat(width[i] - cells[i].length())).append(" |");
    }
    sb.append('\n');
  }
}

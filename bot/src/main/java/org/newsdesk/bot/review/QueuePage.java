package org.newsdesk.bot.review;

import java.util.List;
import java.util.Optional;

/** A page of the queue and, when more rows follow, the cursor of the next page. */
public record QueuePage(List<QueueRow> rows, Optional<Cursor> next) {
  public QueuePage {
    rows = List.copyOf(rows);
  }

  /**
   * Keyset position: the page after lists answers strictly older than this one (ties on the
   * time broken by id), so page 1,000 costs what page 1 costs.
   */
  public record Cursor(long askedAt, long id) {
    /**
     * Parses {@code <askedAt>_<id>} as {@link #toString()} writes it.
     *
     * @throws InvalidRequest when the text is not such a cursor
     */
    public static Cursor parse(String s) {
      int sep = s.indexOf('_');
      try {
        if (sep < 0) throw new NumberFormatException(s);
        return new Cursor(Long.parseLong(s.substring(0, sep)), Long.parseLong(s.substring(sep + 1)));
      } catch (NumberFormatException e) {
        throw new InvalidRequest("The page link \"" + s + "\" is broken; start from the first page.", e);
      }
    }

    @Override
    public String toString() {
      return askedAt + "_" + id;
    }
  }
}

package org.newsdesk.bot.review;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.newsdesk.bot.log.LogDatabase;

/**
 * Streams every answer of a filtered view, newest first, as CSV or JSON lines. Rows go from a
 * JDBC cursor (a fetch size, and on PostgreSQL a transaction so the driver really uses one)
 * straight to the output, so memory stays flat however large the log is.
 */
public final class Export {
  /** The columns of both formats, in order. */
  public static final List<String> COLUMNS = List.of("id", "asked_at", "chat_type", "chat_id", "user_id",
      "question", "outcome", "answer_text", "mode", "unsupported", "latency_ms", "thumbs_up",
      "thumbs_down", "flagged", "hidden", "approved");
  private static final int FETCH = 500;
  /** RFC 4180: comma, CRLF, double quotes only where a value needs them; the header first. */
  private static final CSVFormat CSV_FORMAT = CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get();

  /** An output format of the export. */
  public enum Format { CSV, JSONL }

  private final LogDatabase db;

  public Export(LogDatabase db) {
    this.db = db;
  }

  /** Writes the view to {@code out} (not closed); returns the number of answers written. */
  public long write(QueueFilter filter, Format format, OutputStream out) {
    FilterSql sql = new FilterSql(filter);
    String query = "SELECT " + ReviewQueue.COLUMNS + ", a.chat_id, a.user_id, a.answer_text, a.latency_ms"
        + " FROM answers a" + sql.where() + " ORDER BY a.asked_at DESC, a.id DESC";
    try (Connection c = db.open()) {
      if (db.isPostgres()) c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(query, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
        ps.setFetchSize(FETCH);
        sql.bind(ps);
        try (ResultSet rs = ps.executeQuery()) {
          long n = format == Format.CSV ? csv(rs, out) : jsonl(rs, out);
          if (db.isPostgres()) c.commit();
          return n;
        }
      }
    } catch (SQLException e) {
      throw new ReviewStoreException("cannot export the answer log", e);
    } catch (IOException e) {
      throw new UncheckedIOException("export interrupted", e);
    }
  }

  private static long csv(ResultSet rs, OutputStream out) throws SQLException, IOException {
    // Not closed: that would close the response stream, which belongs to the caller.
    CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSV_FORMAT);
    long n = 0;
    while (rs.next()) {
      for (Object value : values(rs)) printer.print(neutralised(value));
      printer.println();
      if (++n % FETCH == 0) printer.flush();
    }
    printer.flush();
    return n;
  }

  private static long jsonl(ResultSet rs, OutputStream out) throws SQLException, IOException {
    JsonFactory factory = JsonFactory.builder().build();
    long n = 0;
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      g.setRootValueSeparator(null);
      while (rs.next()) {
        Object[] values = values(rs);
        g.writeStartObject();
        for (int i = 0; i < values.length; i++) {
          g.writeFieldName(COLUMNS.get(i));
          Object v = values[i];
          if (v == null) g.writeNull();
          else if (v instanceof Long l) g.writeNumber(l);
          else if (v instanceof Integer x) g.writeNumber(x);
          else if (v instanceof Boolean b) g.writeBoolean(b);
          else g.writeString(v.toString());
        }
        g.writeEndObject();
        g.writeRaw('\n');
        if (++n % FETCH == 0) g.flush();
      }
    }
    return n;
  }

  private static Object[] values(ResultSet rs) throws SQLException {
    QueueRow r = ReviewQueue.row(rs);
    return new Object[] {r.id(), Instant.ofEpochMilli(r.askedAt().toEpochMilli()).toString(), r.chatType(),
        nullableLong(rs, "chat_id"), nullableLong(rs, "user_id"), r.question(), r.outcome(),
        rs.getString("answer_text"), r.mode(), r.unsupported(), nullableLong(rs, "latency_ms"), r.thumbsUp(),
        r.thumbsDown(), r.flagged(), r.hidden(), r.approved()};
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  /**
   * Text that a spreadsheet would run as a formula (leading =, +, -, @, tab or carriage return)
   * gets a leading apostrophe, so opening the file cannot execute it. Numbers pass as they are.
   */
  static Object neutralised(Object value) {
    if (value instanceof String s && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) return "'" + s;
    return value;
  }
}

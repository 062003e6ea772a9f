package org.newsdesk.retrieval.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Parses the optional article fields (url, published date) and says precisely what is wrong with a bad one. */
final class FieldValues {
  private FieldValues() {}

  /** A field value that could not be used; the message names the field and the value. */
  static final class BadField extends Exception {
    BadField(String message) {
      super(message, null, false, false);
    }
  }

  /** An absolute http(s) link. */
  static URI url(String raw) throws BadField {
    String v = raw.strip();
    try {
      URI uri = new URI(v);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new BadField("bad url \"" + shorten(v) + "\": must be an absolute http(s) link");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new BadField("bad url \"" + shorten(v) + "\": " + e.getReason());
    }
  }

  /** An ISO date (2024-05-01) or timestamp (2024-05-01T09:30:00Z, 2024-05-01T09:30:00+02:00, 2024-05-01 09:30). */
  static LocalDate date(String raw) throws BadField {
    String v = raw.strip();
    if (v.length() >= 10) {
      try {
        if (v.length() == 10) return LocalDate.parse(v);
        String t = v.length() > 10 && v.charAt(10) == ' ' ? v.substring(0, 10) + 'T' + v.substring(11) : v;
        try {
          return OffsetDateTime.parse(t).toLocalDate();
        } catch (DateTimeParseException notOffset) {
          try {
            return ZonedDateTime.parse(t).toLocalDate();
          } catch (DateTimeParseException notZoned) {
            try {
              return LocalDateTime.parse(t).toLocalDate();
            } catch (DateTimeParseException notLocal) {
              return LocalDate.ofInstant(Instant.parse(t), java.time.ZoneOffset.UTC);
            }
          }
        }
      } catch (DateTimeParseException e) {
        // fall through to the message below
      }
    }
    throw new BadField("bad published date \"" + shorten(v) + "\": expected an ISO date like 2024-05-01");
  }

  static String shorten(String v) {
    return v.length() <= 80 ? v : v.substring(0, 77) + "...";
  }
}

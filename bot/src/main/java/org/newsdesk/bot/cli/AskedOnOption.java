package org.newsdesk.bot.cli;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --asked-on DAY}: a question asked as on another day than today, so that the articles
 * published around that day are favoured as they were then (to replay a reader's question, or a
 * benchmark's).
 */
public final class AskedOnOption {
  @Option(names = "--asked-on", paramLabel = "DAY", converter = Day.class,
      description = "Ask as on this day (YYYY-MM-DD): news published near it is favoured (default: today).")
  LocalDate askedOn;

  /** A day as YYYY-MM-DD, or a sentence saying what was expected. */
  static final class Day implements CommandLine.ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      try {
        return LocalDate.parse(value.strip());
      } catch (DateTimeParseException e) {
        throw new CommandLine.TypeConversionException("must be a day such as 2024-03-08, got '" + value + "'");
      }
    }
  }

  /** The day given, or today in UTC (the day the searcher's own clock would tell). */
  public LocalDate day() {
    return askedOn != null ? askedOn : LocalDate.now(ZoneOffset.UTC);
  }
}

package org.newsdesk.bot.cli;

import java.time.Clock;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/**
 * {@code --asked-on DAY}: a question asked as on another day than today, so that the articles
 * published around that day are favoured as they were then (to replay a reader's question, or a
 * benchmark's).
 */
public final class AskedOnOption {
  @Option(names = "--asked-on", paramLabel = "DAY",
      description = "Ask as on this day (YYYY-MM-DD): news published near it is favoured (default: today).")
  LocalDate askedOn;

  Clock clock = Clock.systemUTC();

  /** The day given, or today. */
  public LocalDate day() {
    return askedOn != null ? askedOn : LocalDate.now(clock);
  }
}

package org.newsdesk.bot.telegram;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** The article collection as the bot sees it: what it holds, and a reindex of the configured folder. */
public interface Library {
  /** Reindexes the configured articles folder incrementally; the report, as a maintainer reads it. */
  String reindex();

  /** What the index holds now. */
  SourcesInfo sources();

  /** How many articles, the date range of those that are dated, and when the index last changed. */
  record SourcesInfo(int articles, Optional<LocalDate> earliest, Optional<LocalDate> latest,
                     Optional<Instant> lastReindex) {}
}

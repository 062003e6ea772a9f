package org.newsdesk.bot.review;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Incident ids for failures of the review page: 8 lower-case hex digits, as the bot tells readers. */
final class Incident {
  private Incident() {}

  /** A new id; random, so it names one failure in the log without counting anything. */
  static String newId() {
    return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
  }
}

package org.newsdesk.bot.logging;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The id a user is told when something failed, and that the log line of the failure carries:
 * eight lowercase hex digits ({@code 3fa94c0e}): short enough to read out over the phone, and 32
 * random bits are plenty to find the one log line among a day's incidents.
 */
public final class IncidentId {
  private IncidentId() {}

  public static String next() {
    byte[] b = new byte[4];
    ThreadLocalRandom.current().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}

package org.newsdesk.bot.telegram;

import org.newsdesk.bot.logging.CauseSummary;
import org.slf4j.Logger;

/**
 * The log of a chore that runs every few seconds and may fail on every run for a while, as when
 * the answer log's database is down: the first failure with its stack trace, each repeat as one
 * DEBUG line, the recovery as one INFO line. An outage is one incident in the log, not one per run.
 */
final class ChoreLog {
  private final Logger log;
  private final String chore;
  private int failures;

  ChoreLog(Logger log, String chore) {
    this.log = log;
    this.chore = chore;
  }

  synchronized void failed(RuntimeException e) {
    failures++;
    if (failures == 1) {
      log.atError().setCause(e).addKeyValue("chore", chore).log("chore failed");
    } else {
      log.atDebug().addKeyValue("chore", chore).addKeyValue("failures", failures)
          .addKeyValue("error", CauseSummary.of(e)).log("chore failed again");
    }
  }

  synchronized void succeeded() {
    if (failures > 0) log.atInfo().addKeyValue("chore", chore).addKeyValue("failures", failures).log("chore recovered");
    failures = 0;
  }
}

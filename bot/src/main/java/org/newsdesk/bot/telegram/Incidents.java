package org.newsdesk.bot.telegram;

import java.util.Optional;
import org.newsdesk.bot.log.AnswerLog;
import org.newsdesk.bot.logging.CauseSummary;
import org.newsdesk.bot.logging.IncidentId;
import org.newsdesk.retrieval.index.IndexUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when handling an update fails: the failure is logged once, with its stack trace and
 * a new incident id, and the user is told that id: a message for a message, the toast for a
 * button press; a logged question is marked failed with it. The passage index being unreachable
 * is no defect of ours: it is logged as one warning line, and the reader is told the articles are
 * unavailable right now (the next question tries the index again).
 */
final class Incidents {
  private static final Logger log = LoggerFactory.getLogger(Incidents.class);

  private final TelegramGateway telegram;
  private final AnswerLog answerLog;

  Incidents(TelegramGateway telegram, AnswerLog answerLog) {
    this.telegram = telegram;
    this.answerLog = answerLog;
  }

  /** Logs the failure once with a new incident id and tells the user that id. */
  void failed(UpdateOrigin origin, RuntimeException e) {
    String incident = IncidentId.next();
    if (e instanceof IndexUnavailableException) {
      log.atWarn().addKeyValue("incident", incident).addKeyValue("updateId", origin.updateId())
          .addKeyValue("error", e.getMessage()).log("articles unavailable");
      tell(origin, incident, TelegramReplies.ARTICLES_UNAVAILABLE);
      return;
    }
    var event = log.atError().setCause(e).addKeyValue("incident", incident)
        .addKeyValue("updateId", origin.updateId()).addKeyValue("chatId", origin.chatId());
    if (origin.answerId().isPresent()) event = event.addKeyValue("answerId", origin.answerId().getAsLong());
    event.log("update failed");
    tell(origin, incident);
  }

  /**
   * Tells the user the incident id and marks a logged question failed with it; best effort, as
   * there is no one else left to tell.
   */
  void tell(UpdateOrigin origin, String incident) {
    tell(origin, incident, TelegramReplies.failure(incident));
  }

  private void tell(UpdateOrigin origin, String incident, String message) {
    Optional<Integer> apology = Optional.empty();
    try {
      if (origin.callbackId().isPresent()) {
        telegram.answerCallback(origin.callbackId().get(), TelegramReplies.feedbackFailed(incident));
      } else {
        apology = Optional.of(telegram.sendPlain(origin.chatId(), message, origin.replyTo(), null));
      }
    } catch (RuntimeException e) {
      log.atWarn().addKeyValue("incident", incident).addKeyValue("error", CauseSummary.of(e))
          .log("incident id not sent");
    }
    if (origin.answerId().isPresent()) {
      try {
        answerLog.failed(origin.answerId().getAsLong(), incident, apology);
      } catch (RuntimeException e) {
        log.atWarn().addKeyValue("incident", incident).addKeyValue("error", CauseSummary.of(e))
            .log("failure not recorded in the answer log");
      }
    }
  }
}

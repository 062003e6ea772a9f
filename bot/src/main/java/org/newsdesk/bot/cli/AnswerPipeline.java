package org.newsdesk.bot.cli;

import java.io.PrintStream;
import org.newsdesk.bot.UserFacingException;
import org.newsdesk.config.NewsdeskConfig;
import org.newsdesk.retrieval.answer.Answerer;

/** The answerer over the configured index, for ask and chat. */
final class AnswerPipeline implements AutoCloseable {
  private final Answerer answerer;

  private AnswerPipeline(Answerer answerer) {
    this.answerer = answerer;
  }

  static AnswerPipeline open(NewsdeskConfig config, PrintStream progress) {
    throw new UserFacingException("no passage index is available in this build yet");
  }

  Answerer answerer() {
    return answerer;
  }

  @Override
  public void close() {}
}

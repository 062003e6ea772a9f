package org.newsdesk.retrieval.answer;

import java.time.LocalDate;

/** Answers a question within a conversation (a Telegram chat, a terminal session). */
public interface Answerer {
  /** The answer to a question asked today. Never throws for anything a reader can type; a not-found answer is an answer. */
  Answer answer(String conversationId, String question);

  /**
   * As {@link #answer(String, String)}, for a question asked on {@code askedOn}: an answerer that
   * favours recent news favours articles published near that day; one that does not ignores it.
   */
  default Answer answer(String conversationId, String question, LocalDate askedOn) {
    return answer(conversationId, question);
  }
}

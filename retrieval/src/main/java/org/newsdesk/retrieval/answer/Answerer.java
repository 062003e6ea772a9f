package org.newsdesk.retrieval.answer;

/** Answers a question within a conversation (a Telegram chat, a terminal session). */
public interface Answerer {
  /** Never throws for anything a reader can type; a not-found answer is an answer. */
  Answer answer(String conversationId, String question);
}

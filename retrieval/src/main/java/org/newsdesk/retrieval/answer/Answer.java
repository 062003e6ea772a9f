package org.newsdesk.retrieval.answer;

import java.util.List;
import java.util.Optional;
import org.newsdesk.config.AnswerMode;
import org.newsdesk.retrieval.search.ScoredPassage;

/**
 * A reply to one question. When {@code answered} is false, {@code text} says so plainly and
 * there are no citations. {@code mode} is the mode that produced the text (extractive after a
 * model fallback); {@code notice} explains such a fallback. {@code query} is the standalone
 * query actually searched (a follow-up rewritten with its conversation).
 */
public record Answer(boolean answered, String text, AnswerMode mode, List<Citation> citations,
                     List<SentenceCheck> checks, List<ScoredPassage> retrieved, Optional<String> notice,
                     String query) {
  public static final String NOT_FOUND = "I couldn't find that in the articles.";
  /** The reply to a message that holds no question ("Thanks!", "Hi"). */
  public static final String NO_QUESTION = "Ask me anything about the articles, and I'll answer with quotes from them.";

  public Answer {
    citations = List.copyOf(citations);
    checks = List.copyOf(checks);
    retrieved = List.copyOf(retrieved);
    if (!answered && !citations.isEmpty()) throw new IllegalArgumentException("a not-found answer cites nothing");
  }
}

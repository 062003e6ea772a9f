package org.newsdesk.retrieval.answer;

import org.newsdesk.retrieval.Passage;

/**
 * Source {@code [n]} of an answer: the passage, and the quote copied from the article's cleaned
 * text at {@code quoteStart..quoteEnd} (offsets into the cleaned article text, not the passage).
 */
public record Citation(int n, Passage passage, String quote, int quoteStart, int quoteEnd, boolean supported,
                       float score) {
  public Citation {
    if (n < 1) throw new IllegalArgumentException("citation number must be >= 1, got " + n);
    if (quote == null || quote.isBlank()) throw new IllegalArgumentException("quote is blank for [" + n + "]");
  }
}

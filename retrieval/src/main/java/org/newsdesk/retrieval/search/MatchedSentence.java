package org.newsdesk.retrieval.search;

/** The sentence of a passage that best matches a question; offsets are into the article's cleaned text. */
public record MatchedSentence(String text, int start, int end) {
  public MatchedSentence {
    if (text == null || text.isBlank()) throw new IllegalArgumentException("matched sentence is blank");
    if (start < 0 || end < start) throw new IllegalArgumentException("bad offsets " + start + ".." + end);
  }
}

package org.newsdesk.retrieval.search;

import java.time.LocalDate;
import java.util.List;

/** Passages most relevant to the question, best first. Never null; empty means none. */
public interface PassageSearcher {
  /**
   * The passages for a question asked today. Any user text is accepted as-is (it never goes through
   * query syntax): punctuation-only, emoji-only or very long questions give results or an empty
   * list, never an exception.
   */
  List<ScoredPassage> search(String question, int limit);

  /**
   * As {@link #search(String, int)}, for a question asked on {@code askedOn}: a searcher that favours
   * recent news favours articles published near that day; one that does not weigh dates ignores it.
   */
  default List<ScoredPassage> search(String question, int limit, LocalDate askedOn) {
    return search(question, limit);
  }

  /**
   * Whether at least {@code passages} passages hold {@code word}, as the search by words reads it (a
   * word the collection keeps using is no typo). False when the searcher cannot tell.
   */
  default boolean uses(String word, int passages) {
    return false;
  }
}

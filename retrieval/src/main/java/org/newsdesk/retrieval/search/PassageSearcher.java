package org.newsdesk.retrieval.search;

import java.util.List;

/** Passages most relevant to the question, best first. Never null; empty means none. */
public interface PassageSearcher {
  /**
   * Any user text is accepted as-is (it never goes through query syntax): punctuation-only,
   * emoji-only or very long questions give results or an empty list, never an exception.
   */
  List<ScoredPassage> search(String question, int limit);
}

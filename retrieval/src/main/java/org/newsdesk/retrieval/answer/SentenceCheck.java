package org.newsdesk.retrieval.answer;

import java.util.List;

/**
 * The citation check of one answer sentence: which sources it cites, the support score (0..1)
 * against them, and whether it passed. Kept with the answer so moderators can review it.
 */
public record SentenceCheck(String sentence, List<Integer> cited, double support, boolean supported) {
  public SentenceCheck {
    cited = List.copyOf(cited);
  }
}

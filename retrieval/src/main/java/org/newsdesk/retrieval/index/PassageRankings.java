package org.newsdesk.retrieval.index;

import java.util.List;
import org.newsdesk.retrieval.search.PassageHit;
import org.newsdesk.retrieval.search.ScoredPassage;

/**
 * One search's view of a {@link PassageIndex}, from {@link PassageIndex#rankings()} until closed:
 * the two primitive rankings as {@link PassageHit}s (a key, a date and a score each), then the
 * passages of the hits the search keeps. A hybrid search fuses some 300 candidates and returns ten,
 * so reading only those ten is most of what a search by meaning costs the index besides the graph.
 * Its two rankings may run at once, on two threads.
 */
public interface PassageRankings extends AutoCloseable {
  /** The passages by words, as {@link PassageIndex#lexical} ranks them. */
  List<PassageHit> lexical(String question, int limit);

  /** The passages by meaning, as {@link PassageIndex#nearest} ranks them. */
  List<PassageHit> nearest(float[] vector, int limit);

  /**
   * The passages of {@code hits}, in their order and with their scores.
   *
   * @throws IllegalArgumentException when a hit is not one of this view's rankings'
   */
  List<ScoredPassage> passages(List<PassageHit> hits);

  /** Lets the index go; a view must be closed, and is not used after. */
  @Override
  void close();
}

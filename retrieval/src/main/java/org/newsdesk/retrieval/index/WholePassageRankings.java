package org.newsdesk.retrieval.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.search.PassageHit;
import org.newsdesk.retrieval.search.ScoredPassage;

/**
 * The view of a backend whose rankings come with their passages (a search cluster sends each hit's
 * source in the same reply): it keeps the passages of the hits it gives out and reads nothing more.
 */
public final class WholePassageRankings implements PassageRankings {
  private final BiFunction<String, Integer, List<ScoredPassage>> lexical;
  private final BiFunction<float[], Integer, List<ScoredPassage>> nearest;
  private final Map<String, Passage> given = new ConcurrentHashMap<>();

  /** @param lexical and {@code nearest}: the backend's own rankings, passages included (not its defaults, which come here) */
  public WholePassageRankings(BiFunction<String, Integer, List<ScoredPassage>> lexical,
                              BiFunction<float[], Integer, List<ScoredPassage>> nearest) {
    this.lexical = lexical;
    this.nearest = nearest;
  }

  @Override
  public List<PassageHit> lexical(String question, int limit) {
    return keep(lexical.apply(question, limit));
  }

  @Override
  public List<PassageHit> nearest(float[] vector, int limit) {
    return keep(nearest.apply(vector, limit));
  }

  private List<PassageHit> keep(List<ScoredPassage> ranking) {
    List<PassageHit> hits = new ArrayList<>(ranking.size());
    for (ScoredPassage p : ranking) {
      given.put(p.passage().key(), p.passage());
      hits.add(new PassageHit(p.passage().key(), p.passage().published(), p.score()));
    }
    return hits;
  }

  @Override
  public List<ScoredPassage> passages(List<PassageHit> hits) {
    List<ScoredPassage> out = new ArrayList<>(hits.size());
    for (PassageHit hit : hits) {
      Passage p = given.get(hit.key());
      if (p == null) throw new IllegalArgumentException("not a hit of this search: " + hit.key());
      out.add(new ScoredPassage(p, hit.score()));
    }
    return out;
  }

  @Override
  public void close() {}
}

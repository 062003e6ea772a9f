package org.newsdesk.retrieval.answer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.newsdesk.retrieval.search.PassageSearcher;
import org.newsdesk.retrieval.search.ScoredPassage;

/**
 * The passages an answer draws on. The first {@code topK} the searcher gives are the top passages
 * (a model sees them numbered); the extractive answer also reads the passages after them, up to
 * {@link #READ_FACTOR} × {@code topK}, that belong to an article among the top ones, since the
 * sentence that answers often sits in a neighbouring passage that shares fewer of the question's
 * words.
 */
public final class AnswerPassages {
  /** How many times {@code topK} passages are asked of the searcher. */
  public static final int READ_FACTOR = 2;

  /** {@code top}: the first top-k, best first; {@code read}: those plus the later ones of the same articles. */
  public record Found(List<ScoredPassage> top, List<ScoredPassage> read) {
    public Found {
      top = List.copyOf(top);
      read = List.copyOf(read);
    }
  }

  private final PassageSearcher searcher;
  private final int topK;

  public AnswerPassages(PassageSearcher searcher, int topK) {
    if (topK < 1) throw new IllegalArgumentException("topK must be >= 1, got " + topK);
    this.searcher = searcher;
    this.topK = topK;
  }

  /** The passages for {@code query}, asked on {@code askedOn}. */
  public Found find(String query, LocalDate askedOn) {
    List<ScoredPassage> retrieved = searcher.search(query, topK * READ_FACTOR, askedOn);
    if (retrieved.size() <= topK) return new Found(retrieved, retrieved);
    List<ScoredPassage> top = retrieved.subList(0, topK);
    Set<String> articles = new HashSet<>();
    for (ScoredPassage p : top) articles.add(p.passage().articleId());
    List<ScoredPassage> read = new ArrayList<>(top);
    for (ScoredPassage p : retrieved.subList(topK, retrieved.size())) {
      if (articles.contains(p.passage().articleId())) read.add(p);
    }
    return new Found(top, read);
  }
}

package org.newsdesk.retrieval.search;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.apache.lucene.analysis.Analyzer;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.ingest.Sentences;
import org.newsdesk.retrieval.ingest.Span;

/**
 * Picks the sentence of a passage that shares the most weight of question terms (each distinct
 * term counted once, weighted by how rare it is in the index); ties go to the earlier sentence, and
 * a passage with no matching sentence gives its first one.
 */
public final class BestSentence {
  private final Analyzer analyzer;
  private final ToDoubleFunction<String> termWeight;

  /** {@code termWeight} gives a term's weight, e.g. its IDF; use {@code t -> 1} to count terms. */
  public BestSentence(Analyzer analyzer, ToDoubleFunction<String> termWeight) {
    this.analyzer = analyzer;
    this.termWeight = termWeight;
  }

  public MatchedSentence find(String question, Passage passage) {
    Set<String> wanted = new HashSet<>(QueryTerms.of(analyzer, question).terms());
    String text = passage.text();
    List<Span> spans = Sentences.split(text);
    if (spans.isEmpty()) spans = List.of(new Span(0, text.length()));
    Span best = spans.get(0);
    double bestScore = 0;
    for (Span s : spans) {
      double score = 0;
      for (String t : new HashSet<>(QueryTerms.of(analyzer, s.of(text), Integer.MAX_VALUE).terms())) {
        if (wanted.contains(t)) score += termWeight.applyAsDouble(t);
      }
      if (score > bestScore) {
        bestScore = score;
        best = s;
      }
    }
    return new MatchedSentence(best.of(text), passage.start() + best.start(), passage.start() + best.end());
  }
}

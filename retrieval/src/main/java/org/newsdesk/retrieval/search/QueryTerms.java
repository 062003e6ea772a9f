package org.newsdesk.retrieval.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.newsdesk.retrieval.index.IndexFields;

/**
 * A question as the index sees it: the analyser's terms with their positions (stop words leave a
 * gap). Text is never parsed as query syntax. At most {@link #MAX_TOKENS} tokens are read, so a
 * pasted essay costs no more than a long question.
 */
public record QueryTerms(List<String> terms, List<Integer> positions) {
  public static final int MAX_TOKENS = 64;

  public QueryTerms {
    terms = List.copyOf(terms);
    positions = List.copyOf(positions);
    if (terms.size() != positions.size()) {
      throw new IllegalArgumentException("terms and positions differ in size: " + terms.size() + " vs " + positions.size());
    }
  }

  public static QueryTerms of(Analyzer analyzer, String text) {
    return of(analyzer, text, MAX_TOKENS);
  }

  /** The first {@code maxTokens} terms of {@code text}. */
  public static QueryTerms of(Analyzer analyzer, String text, int maxTokens) {
    List<String> terms = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(IndexFields.TEXT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int pos = -1;
      while (terms.size() < maxTokens && ts.incrementToken()) {
        pos += inc.getPositionIncrement();
        terms.add(term.toString());
        positions.add(pos);
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot analyse the question", e);
    }
    return new QueryTerms(terms, positions);
  }

  public boolean isEmpty() {
    return terms.isEmpty();
  }
}

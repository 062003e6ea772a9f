package org.newsdesk.retrieval.index.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.newsdesk.config.RetrievalConfig;
import org.newsdesk.retrieval.index.IndexFields;
import org.newsdesk.retrieval.index.NewsAnalyzer;
import org.newsdesk.retrieval.search.PassageQuery;
import org.newsdesk.retrieval.search.QueryTerms;

/**
 * The Lucene backend's passage query ({@code PassageQuery}) in OpenSearch's query language: every
 * question term against the text, weighted by how often the question has it; the same terms
 * against the headline times the title boost; each pair of neighbouring terms as a phrase with slop
 * 2 times the phrase boost. The question is analysed here, with {@link NewsAnalyzer} itself, not by
 * the cluster's {@code _analyze}: no extra round trip per question, and the very terms the Lucene
 * backend searches for. Terms go out as {@code term} queries (no analysis, no syntax); a phrase goes
 * out as the question's own words from the first term to the second, which the index's analyser
 * (the same chain, see {@link IndexLayout#definition}) turns back into those two terms at the same
 * distance, stop words between them counted as in Lucene. User text never meets query syntax.
 */
final class LexicalQuery {
  private final Analyzer analyzer = new NewsAnalyzer();
  private final float titleBoost;
  private final float phraseBoost;

  LexicalQuery(RetrievalConfig config) {
    this.titleBoost = config.titleBoost();
    this.phraseBoost = config.phraseBoost();
  }

  private record Token(String term, int start, int end) {}

  /** The scoring part of the query; empty when the question has no searchable term. */
  Optional<ObjectNode> build(String question) {
    List<Token> tokens = analyse(question);
    if (tokens.isEmpty()) return Optional.empty();
    Map<String, Integer> tf = new LinkedHashMap<>();
    for (Token t : tokens) tf.merge(t.term(), 1, Integer::sum);
    ObjectNode query = OpenSearchHttp.JSON.createObjectNode();
    ObjectNode bool = query.putObject("bool");
    ArrayNode should = bool.putArray("should");
    for (Map.Entry<String, Integer> e : tf.entrySet()) {
      term(should, IndexLayout.TEXT, e.getKey(), e.getValue());
      if (titleBoost > 0) term(should, IndexLayout.TITLE, e.getKey(), titleBoost * e.getValue());
    }
    if (phraseBoost > 0) {
      Set<String> pairs = new HashSet<>();
      for (int i = 0; i + 1 < tokens.size(); i++) {
        Token a = tokens.get(i);
        Token c = tokens.get(i + 1);
        if (a.term().equals(c.term()) || !pairs.add(a.term() + ' ' + c.term())) continue;
        ObjectNode phrase = should.addObject().putObject("match_phrase").putObject(IndexLayout.TEXT);
        phrase.put("query", question.substring(a.start(), c.end()));
        phrase.put("slop", PassageQuery.DEFAULT_SLOP);
        phrase.put("boost", phraseBoost);
      }
    }
    bool.put("minimum_should_match", 1);
    return Optional.of(query);
  }

  private static void term(ArrayNode should, String field, String value, float boost) {
    ObjectNode t = should.addObject().putObject("term").putObject(field);
    t.put("value", value);
    if (boost != 1f) t.put("boost", boost);
  }

  /** The first {@link QueryTerms#MAX_TOKENS} terms, as {@link QueryTerms} reads them, with their offsets. */
  private List<Token> analyse(String text) {
    List<Token> tokens = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(IndexFields.TEXT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (tokens.size() < QueryTerms.MAX_TOKENS && ts.incrementToken()) {
        tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot analyse the question", e);
    }
    return tokens;
  }
}

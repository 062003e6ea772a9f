package org.newsdesk.retrieval.search;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.newsdesk.retrieval.index.IndexFields;

/**
 * Builds the passage query from analysed terms, never from query syntax: every term against the
 * passage text (BM25), the same terms against the headline weighted by {@code titleBoost}, and each
 * pair of neighbouring question terms as a sloppy phrase weighted by {@code phraseBoost}, so
 * passages holding the question's words together rank higher. With at most 64 terms the query has
 * at most 191 clauses, far below Lucene's clause limit.
 */
public record PassageQuery(float titleBoost, float phraseBoost, int slop) {
  public PassageQuery {
    if (titleBoost < 0) throw new IllegalArgumentException("titleBoost must be >= 0, got " + titleBoost);
    if (phraseBoost < 0) throw new IllegalArgumentException("phraseBoost must be >= 0, got " + phraseBoost);
    if (slop < 0) throw new IllegalArgumentException("slop must be >= 0, got " + slop);
  }

  /** Words between two neighbouring question terms that still count as "together". */
  public static final int DEFAULT_SLOP = 2;

  /** The query, or empty when the question has no searchable term (only stop words, punctuation). */
  public Optional<Query> build(QueryTerms q) {
    if (q.isEmpty()) return Optional.empty();
    Map<String, Integer> tf = new LinkedHashMap<>();
    for (String t : q.terms()) tf.merge(t, 1, Integer::sum);
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Map.Entry<String, Integer> e : tf.entrySet()) {
      b.add(boost(new TermQuery(new Term(IndexFields.TEXT, e.getKey())), e.getValue()), BooleanClause.Occur.SHOULD);
      if (titleBoost > 0) {
        b.add(boost(new TermQuery(new Term(IndexFields.TITLE, e.getKey())), titleBoost * e.getValue()),
            BooleanClause.Occur.SHOULD);
      }
    }
    if (phraseBoost > 0) {
      Set<String> pairs = new HashSet<>();
      for (int i = 0; i + 1 < q.terms().size(); i++) {
        String a = q.terms().get(i);
        String c = q.terms().get(i + 1);
        if (a.equals(c) || !pairs.add(a + ' ' + c)) continue;
        PhraseQuery phrase = new PhraseQuery.Builder()
            .add(new Term(IndexFields.TEXT, a), 0)
            .add(new Term(IndexFields.TEXT, c), q.positions().get(i + 1) - q.positions().get(i))
            .setSlop(slop)
            .build();
        b.add(new BoostQuery(phrase, phraseBoost), BooleanClause.Occur.SHOULD);
      }
    }
    return Optional.of(b.build());
  }

  private static Query boost(Query q, float boost) {
    return boost == 1f ? q : new BoostQuery(q, boost);
  }
}

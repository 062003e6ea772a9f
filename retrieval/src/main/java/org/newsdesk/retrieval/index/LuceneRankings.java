package org.newsdesk.retrieval.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.newsdesk.retrieval.search.PassageHit;
import org.newsdesk.retrieval.search.ScoredPassage;

/**
 * The Lucene index's view for one search: one acquired searcher (so both rankings and the passages
 * come from one commit), hits read from the {@link IndexFields#KEY} and
 * {@link IndexFields#PUBLISHED_DAY} doc values, and stored fields decompressed only for the passages
 * kept. Reading the stored fields of 150 candidates took 2.8 ms of a 4.3 ms search by meaning on
 * rtqa-2024 (docs/BENCHMARKS.md). Segments written before passages had those doc values are read
 * from their stored fields instead, so an older index still searches, only slower, until its next
 * reindex rewrites it (manifest format 4).
 */
final class LuceneRankings implements PassageRankings {
  private final SearcherManager manager;
  private final IndexSearcher searcher;
  private final Function<String, Optional<Query>> wordsQuery;
  private final String where;
  /** The document of every hit given out, by key: {@link #passages} reads them. */
  private final Map<String, Integer> docs = new ConcurrentHashMap<>();
  private boolean closed;

  /**
   * @param manager where {@code searcher} came from and goes back to on close; null with a null
   *     searcher when there is no index yet (every ranking is empty)
   * @param wordsQuery the BM25 query of a question, empty when it has no searchable word
   * @param where names the index in error messages
   */
  LuceneRankings(SearcherManager manager, IndexSearcher searcher, Function<String, Optional<Query>> wordsQuery,
                 String where) {
    this.manager = manager;
    this.searcher = searcher;
    this.wordsQuery = wordsQuery;
    this.where = where;
  }

  @Override
  public List<PassageHit> lexical(String question, int limit) {
    checkLimit(limit);
    if (searcher == null) return List.of();
    Optional<Query> query = wordsQuery.apply(question);
    return query.isEmpty() ? List.of() : search(query.get(), limit);
  }

  @Override
  public List<PassageHit> nearest(float[] vector, int limit) {
    checkLimit(limit);
    if (searcher == null) return List.of();
    return search(new KnnFloatVectorQuery(IndexFields.VECTOR, vector, limit), limit);
  }

  private static void checkLimit(int limit) {
    if (limit < 1) throw new IllegalArgumentException("limit must be >= 1, got " + limit);
  }

  private List<PassageHit> search(Query query, int limit) {
    try {
      TopDocs top = searcher.search(query, limit);
      return hits(top.scoreDocs);
    } catch (IOException e) {
      throw new UncheckedIOException("search failed in " + where, e);
    }
  }

  /** The hits of {@code found}, in its order; doc values are read in document order, segment by segment. */
  private List<PassageHit> hits(ScoreDoc[] found) throws IOException {
    Integer[] byDoc = new Integer[found.length];
    Arrays.setAll(byDoc, i -> i);
    Arrays.sort(byDoc, Comparator.comparingInt(i -> found[i].doc));
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    PassageHit[] hits = new PassageHit[found.length];
    LeafReaderContext leaf = null;
    SortedDocValues keys = null;
    NumericDocValues days = null;
    StoredFields stored = null;
    for (int i : byDoc) {
      int doc = found[i].doc;
      if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        LeafReader reader = leaf.reader();
        keys = reader.getSortedDocValues(IndexFields.KEY);
        days = reader.getNumericDocValues(IndexFields.PUBLISHED_DAY);
      }
      int local = doc - leaf.docBase;
      if (keys != null && keys.advanceExact(local)) {
        Optional<LocalDate> day = days != null && days.advanceExact(local)
            ? Optional.of(LocalDate.ofEpochDay(days.longValue())) : Optional.empty();
        hits[i] = new PassageHit(keys.lookupOrd(keys.ordValue()).utf8ToString(), day, found[i].score);
      } else {
        if (stored == null) stored = searcher.getIndexReader().storedFields();
        hits[i] = PassageDocuments.hitOf(stored.document(doc, PassageDocuments.HIT_FIELDS), found[i].score);
      }
      docs.put(hits[i].key(), doc);
    }
    return List.of(hits);
  }

  @Override
  public List<ScoredPassage> passages(List<PassageHit> hits) {
    if (hits.isEmpty()) return List.of();
    try {
      StoredFields stored = searcher.getIndexReader().storedFields();
      List<ScoredPassage> out = new ArrayList<>(hits.size());
      for (PassageHit hit : hits) {
        Integer doc = docs.get(hit.key());
        if (doc == null) throw new IllegalArgumentException("not a hit of this search: " + hit.key());
        out.add(new ScoredPassage(PassageDocuments.fromDocument(stored.document(doc)), hit.score()));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read passages in " + where, e);
    }
  }

  @Override
  public synchronized void close() {
    if (closed || manager == null) return;
    closed = true;
    try {
      manager.release(searcher);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the searcher of " + where, e);
    }
  }
}

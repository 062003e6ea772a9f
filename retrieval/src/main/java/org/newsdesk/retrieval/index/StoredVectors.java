package org.newsdesk.retrieval.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Reads passage vectors back from a Lucene index by text hash. The int8 HNSW format keeps the
 * original float vectors beside the quantised ones, so a reused vector is exactly the one the
 * model gave.
 */
final class StoredVectors {
  private StoredVectors() {}

  /** A live passage of a leaf holding one of the wanted hashes. */
  private record Hit(int doc, String hash) {}

  static Map<String, float[]> lookup(DirectoryReader reader, Collection<String> textHashes) throws IOException {
    Map<String, float[]> out = new HashMap<>();
    if (textHashes.isEmpty()) return out;
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader r = leaf.reader();
      Terms terms = r.terms(IndexFields.TEXT_HASH);
      FloatVectorValues values = r.getFloatVectorValues(IndexFields.VECTOR);
      if (terms == null || values == null) continue;
      Bits live = r.getLiveDocs();
      TermsEnum te = terms.iterator();
      PostingsEnum postings = null;
      List<Hit> hits = new ArrayList<>();
      for (String hash : textHashes) {
        if (out.containsKey(hash) || !te.seekExact(new BytesRef(hash))) continue;
        postings = te.postings(postings, PostingsEnum.NONE);
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
          if (live == null || live.get(doc)) {
            hits.add(new Hit(doc, hash));
            break;
          }
        }
      }
      // The vector iterator only moves forward: visit the documents in order.
      hits.sort((a, b) -> Integer.compare(a.doc(), b.doc()));
      KnnVectorValues.DocIndexIterator it = values.iterator();
      for (Hit h : hits) {
        int at = it.docID() >= h.doc() ? it.docID() : it.advance(h.doc());
        if (at == h.doc() && !out.containsKey(h.hash())) {
          float[] v = values.vectorValue(it.index());
          out.put(h.hash(), Arrays.copyOf(v, v.length));
        }
      }
    }
    return out;
  }
}

package org.newsdesk.bench.backends;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.newsdesk.retrieval.index.CorpusStats;
import org.newsdesk.retrieval.index.FileUpdate;
import org.newsdesk.retrieval.index.IndexSignature;
import org.newsdesk.retrieval.index.PassageIndex;
import org.newsdesk.retrieval.index.PassageIndexWriter;
import org.newsdesk.retrieval.index.PassageRankings;
import org.newsdesk.retrieval.index.StoredManifests;

/**
 * An index whose writers give every passage a random 384-dimension unit vector: what the vectors
 * cost a backend (store, memory, nearest-neighbour latency) without running the embedding model
 * over the corpus. Their rankings mean nothing; their size and shape are those of bge-small's.
 */
final class RandomVectors implements PassageIndex {
  static final int DIMENSIONS = 384;

  private final PassageIndex index;
  private final Random random = new Random(384);

  RandomVectors(PassageIndex index) {
    this.index = index;
  }

  synchronized float[] next() {
    float[] v = new float[DIMENSIONS];
    double norm = 0;
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) random.nextGaussian();
      norm += v[i] * v[i];
    }
    for (int i = 0; i < v.length; i++) v[i] /= (float) Math.sqrt(norm);
    return v;
  }

  @Override
  public PassageIndexWriter writer() throws IOException {
    PassageIndexWriter w = index.writer();
    return new PassageIndexWriter() {
      @Override public StoredManifests manifests() throws IOException { return w.manifests(); }
      @Override public IndexSignature signature() throws IOException { return w.signature(); }
      @Override public Map<String, float[]> vectors(Collection<String> hashes) throws IOException { return w.vectors(hashes); }
      @Override public void deleteAll() throws IOException { w.deleteAll(); }
      @Override public void delete(String path) throws IOException { w.delete(path); }
      @Override public void flushBuffers() throws IOException { w.flushBuffers(); }
      @Override public void commit(CorpusStats stats, IndexSignature signature) throws IOException { w.commit(stats, signature); }
      @Override public void close() throws IOException { w.close(); }

      @Override
      public void write(FileUpdate u) throws IOException {
        List<float[]> vectors = new ArrayList<>(u.passages().size());
        for (int i = 0; i < u.passages().size(); i++) vectors.add(next());
        w.write(new FileUpdate(u.path(), u.passages(), vectors, u.manifest(), u.result()));
      }
    };
  }

  @Override public boolean hasIndex() { return index.hasIndex(); }
  @Override public void refresh() throws IOException { index.refresh(); }
  @Override public PassageRankings rankings() { return index.rankings(); }
  @Override public CorpusStats stats() { return index.stats(); }
  @Override public IndexSignature signature() { return index.signature(); }
  @Override public void close() throws IOException { index.close(); }
}

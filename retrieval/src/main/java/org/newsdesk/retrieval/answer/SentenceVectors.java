package org.newsdesk.retrieval.answer;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.embed.EmbeddedText;
import org.newsdesk.retrieval.embed.WrappedEmbeddingModel;
import org.newsdesk.retrieval.index.SideVectors;

/**
 * The vectors of the sentences the reader weighs by meaning ({@link SentenceRanker#readable}), made
 * while indexing and kept beside the index in a Lucene index of their own, found by the hash of the
 * sentence's text. With them an answer embeds only the question: the sentences' share of an
 * {@code ask} (about three quarters of it on rtqa-2024) is paid once, at index time.
 *
 * <p>Each vector is kept as signed bytes with one scale (cosines move by about 0.001), so a
 * sentence costs about 400 bytes beside its hash. A sentence the store lacks (an index built
 * before the setting was on, a short sentence read as a follow-up) is embedded when asked, as
 * without the store; the store only ever makes an answer faster, never different in kind.
 *
 * <p>It is kept file by file, as the index is: each article file has a record of the version its
 * sentences were read from and one record per sentence, replaced whenever the file is written
 * again and dropped with it. A sentence is found by its text wherever it was read, so an unchanged
 * sentence is never embedded twice, and a file the store was not filled for (written while the
 * setting was off) is written again by the next reindex, embedding only its sentences.
 *
 * <p>One process writes (the reindex, holding Lucene's write lock only from its first addition to
 * its commit); any number read, each moving to the newest commit now and then.
 */
public final class SentenceVectors implements SideVectors, Closeable {
  private static final String HASH = "hash";
  private static final String VECTOR = "vector";
  /** The file a sentence was read in (one record per file and sentence). */
  private static final String PATH = "path";
  /** On one record per file: its path and the version its sentences come from ({@link #fileKey}). */
  private static final String FILE = "file";
  /** The commit's record of the model the vectors come from. */
  private static final String MODEL = "model";
  /** How long a reader goes on with a commit before looking for a newer one. */
  private static final long RECHECK_NANOS = 5_000_000_000L;
  /**
   * Sentences embedded and written at a time: a file of rtqa-2024 has up to 120,000, whose vectors
   * held at once (as floats, 1.5 kB each) would take a fifth of the heap.
   */
  private static final int CHUNK = 1024;

  private final Path dir;
  private final String model;
  private final Directory directory;
  private final Object lock = new Object();
  private final AtomicInteger embedded = new AtomicInteger();
  private IndexWriter writer;
  private DirectoryReader reader;
  private long checkedAt;

  private SentenceVectors(Path dir, String model, Directory directory) {
    this.dir = dir;
    this.model = model;
    this.directory = directory;
  }

  /** Where the sentence vectors of a data folder live: {@code <data>/sentence-vectors}. */
  public static Path directoryOf(Path data) {
    return data.resolve("sentence-vectors");
  }

  /** The store at {@code dir} (made on its first commit) for vectors of {@code model}. */
  public static SentenceVectors open(Path dir, String model) throws IOException {
    Files.createDirectories(dir);
    return new SentenceVectors(dir, model, FSDirectory.open(dir));
  }

  public Path directory() {
    return dir;
  }

  /** Sentences embedded by {@link #add} since the store was opened. */
  public int embedded() {
    return embedded.get();
  }

  /** The vectors of those sentence hashes the store holds; hashes it lacks are missing from the map. */
  public Map<String, float[]> vectors(Collection<String> hashes) throws IOException {
    Map<String, float[]> out = new HashMap<>();
    readFirst(HASH, hashes, (hash, stored, doc) -> out.put(hash, decode(stored.document(doc).getBinaryValue(VECTOR))));
    return out;
  }

  /** The stored form of those sentence hashes the store holds. */
  private Map<String, byte[]> stored(Collection<String> hashes) throws IOException {
    Map<String, byte[]> out = new HashMap<>();
    readFirst(HASH, hashes, (hash, stored, doc) -> out.put(hash,
        BytesRef.deepCopyOf(stored.document(doc).getBinaryValue(VECTOR)).bytes));
    return out;
  }

  @Override
  public Set<String> lacking(Map<String, String> files) throws IOException {
    Map<String, String> byKey = new HashMap<>();
    files.forEach((path, version) -> byKey.put(fileKey(path, version), path));
    if (!readFirst(FILE, List.copyOf(byKey.keySet()), (key, stored, doc) -> byKey.remove(key))) {
      return new HashSet<>(files.keySet());
    }
    return new HashSet<>(byKey.values());
  }

  @Override
  public int add(String path, String version, List<Passage> passages, Embedder embed) throws IOException {
    IndexWriter w = writer();
    // Deletes apply to what was added before them: the records added below stay.
    w.deleteDocuments(new Term(PATH, path));
    Document file = new Document();
    file.add(new StringField(PATH, path, Field.Store.NO));
    file.add(new StringField(FILE, fileKey(path, version), Field.Store.NO));
    w.addDocument(file);
    Set<String> seen = new HashSet<>();
    Map<String, String> chunk = new LinkedHashMap<>();
    int made = 0;
    for (Passage p : passages) {
      for (String sentence : SentenceRanker.readable(p)) {
        String hash = EmbeddedText.hash(sentence);
        if (!seen.add(hash)) continue;
        chunk.put(hash, sentence);
        if (chunk.size() == CHUNK) {
          made += addChunk(w, path, chunk, embed);
          chunk.clear();
        }
      }
    }
    if (!chunk.isEmpty()) made += addChunk(w, path, chunk, embed);
    return made;
  }

  /** Adds the records of {@code texts} (hash to sentence) for the file at {@code path}, embedding those it lacks. */
  private int addChunk(IndexWriter w, String path, Map<String, String> texts, Embedder embed) throws IOException {
    Map<String, byte[]> held = stored(texts.keySet());
    List<String> missing = texts.keySet().stream().filter(h -> !held.containsKey(h)).toList();
    List<float[]> made = missing.isEmpty() ? List.of() : embed.embed(missing.stream().map(texts::get).toList());
    if (made.size() != missing.size()) {
      throw new IllegalStateException(model + " gave " + made.size() + " vectors for " + missing.size() + " sentences");
    }
    for (int i = 0; i < missing.size(); i++) held.put(missing.get(i), encode(made.get(i)));
    embedded.addAndGet(made.size());
    List<Document> docs = new ArrayList<>(texts.size());
    for (String hash : texts.keySet()) {
      Document doc = new Document();
      doc.add(new StringField(PATH, path, Field.Store.NO));
      doc.add(new StringField(HASH, hash, Field.Store.NO));
      doc.add(new StoredField(VECTOR, held.get(hash)));
      docs.add(doc);
    }
    w.addDocuments(docs);
    return made.size();
  }

  @Override
  public void commit(Set<String> paths) throws IOException {
    synchronized (lock) {
      Query others = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER)
          .add(new TermInSetQuery(PATH, paths.stream().map(BytesRef::new).toList()), BooleanClause.Occur.MUST_NOT)
          .build();
      if (writer == null) {
        DirectoryReader r = acquire();
        if (r == null) return;
        try {
          if (new IndexSearcher(r).count(others) == 0) return;
        } finally {
          r.decRef();
        }
      }
      IndexWriter w = writer();
      w.deleteDocuments(others);
      w.setLiveCommitData(Map.of(MODEL, model).entrySet());
      w.commit();
      w.close();
      writer = null;
      checkedAt = 0;
    }
  }

  /**
   * Reads, in the newest commit of this model, for each of {@code terms} some live document holds in
   * {@code field}, the first such document; false when there is no such commit.
   */
  private boolean readFirst(String field, Collection<String> terms, Found found) throws IOException {
    DirectoryReader r = acquire();
    if (r == null) return false;
    try {
      firstLive(r, field, terms, found);
    } finally {
      r.decRef();
    }
    return true;
  }

  private static void firstLive(DirectoryReader r, String field, Collection<String> terms, Found found)
      throws IOException {
    Set<String> done = new HashSet<>();
    for (LeafReaderContext leaf : r.leaves()) {
      Terms t = leaf.reader().terms(field);
      if (t == null) continue;
      Bits live = leaf.reader().getLiveDocs();
      StoredFields stored = leaf.reader().storedFields();
      TermsEnum te = t.iterator();
      PostingsEnum postings = null;
      for (String term : terms) {
        if (done.contains(term) || !te.seekExact(new BytesRef(term))) continue;
        postings = te.postings(postings, PostingsEnum.NONE);
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
          if (live != null && !live.get(doc)) continue;
          found.accept(term, stored, doc);
          done.add(term);
          break;
        }
      }
    }
  }

  @FunctionalInterface
  private interface Found {
    void accept(String term, StoredFields stored, int doc) throws IOException;
  }

  /** How a file's record names the file and the version its sentences come from. */
  private static String fileKey(String path, String version) {
    return path + '\n' + version;
  }

  /**
   * {@code model} as the reader uses it: a text the store holds (by its hash) is not embedded again,
   * the rest go to {@code model} (which must be the store's own).
   */
  public EmbeddingModel reading(EmbeddingModel model) {
    return new WrappedEmbeddingModel(model) {
      @Override
      public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        List<String> hashes = segments.stream().map(s -> EmbeddedText.hash(s.text())).toList();
        Map<String, float[]> found;
        try {
          found = vectors(hashes);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read the sentence vectors at " + dir + ": " + e.getMessage(), e);
        }
        List<TextSegment> missing = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) if (!found.containsKey(hashes.get(i))) missing.add(segments.get(i));
        List<Embedding> made = missing.isEmpty() ? List.of() : this.model.embedAll(missing).content();
        List<Embedding> out = new ArrayList<>(segments.size());
        int next = 0;
        for (String h : hashes) {
          float[] v = found.get(h);
          out.add(v != null ? Embedding.from(v) : made.get(next++));
        }
        return Response.from(out);
      }
    };
  }

  /** The writer, opened on the first addition; a store of another model is emptied first. */
  private IndexWriter writer() throws IOException {
    synchronized (lock) {
      if (writer == null) {
        IndexWriterConfig iwc = new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
            .setCommitOnClose(false);
        IndexWriter w = new IndexWriter(directory, iwc);
        if (!ofThisModel(w.getLiveCommitData())) w.deleteAll();
        writer = w;
      }
      return writer;
    }
  }

  /** The newest commit of this model, referenced (the caller decRefs it); null when there is none. */
  private DirectoryReader acquire() throws IOException {
    synchronized (lock) {
      long now = System.nanoTime();
      if (checkedAt == 0 || now - checkedAt > RECHECK_NANOS) {
        checkedAt = now;
        if (reader == null) {
          if (DirectoryReader.indexExists(directory)) reader = DirectoryReader.open(directory);
        } else {
          DirectoryReader newer = DirectoryReader.openIfChanged(reader);
          if (newer != null) {
            reader.decRef();
            reader = newer;
          }
        }
      }
      if (reader == null || !ofThisModel(reader.getIndexCommit().getUserData().entrySet())) return null;
      reader.incRef();
      return reader;
    }
  }

  private boolean ofThisModel(Iterable<Map.Entry<String, String>> commitData) {
    if (commitData == null) return false;
    for (Map.Entry<String, String> e : commitData) {
      if (e.getKey().equals(MODEL)) return e.getValue().equals(model);
    }
    return false;
  }

  /** A scale, then each component over it as a signed byte. */
  static byte[] encode(float[] v) {
    float max = 0;
    for (float x : v) max = Math.max(max, Math.abs(x));
    float scale = max == 0 ? 1 : max / 127f;
    ByteBuffer b = ByteBuffer.allocate(Float.BYTES + v.length).putFloat(scale);
    for (float x : v) b.put((byte) Math.round(x / scale));
    return b.array();
  }

  static float[] decode(BytesRef bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length);
    float scale = b.getFloat();
    float[] v = new float[bytes.length - Float.BYTES];
    for (int i = 0; i < v.length; i++) v[i] = b.get() * scale;
    return v;
  }

  @Override
  public void close() throws IOException {
    synchronized (lock) {
      if (writer != null) writer.rollback();
      writer = null;
      if (reader != null) reader.decRef();
      reader = null;
      directory.close();
    }
  }
}

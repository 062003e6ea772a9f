package org.newsdesk.retrieval.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The one place a reindex writes to the Lucene index: reads the manifests and signature the run
 * starts from and the vectors of the last commit, replaces or deletes a file's passages (with their
 * vectors) and manifest, and commits everything at once with the corpus statistics and the
 * signature. Holds Lucene's write lock from {@link #open} to {@link #close}, so one reindex runs at
 * a time per index; closed without {@link #commit}, it rolls back and readers keep the last commit.
 * {@link #write} and {@link #vectors} may be called from several threads.
 */
final class LucenePassageWriter implements PassageIndexWriter {
  /** From this many files written in one run on, new segments are not packed into compound files. */
  static final int BULK_FILES = 1_000;
  /**
   * The most documents an index may hold to be merged into one segment at the end of a build:
   * rtqa-2024's 44,285 merged in 13 s on 2 cores, and a merge rebuilds the whole vector graph.
   */
  private static final int MERGE_MAX_DOCS = 500_000;

  private final Directory dir;
  private final IndexWriter writer;
  private final AtomicInteger filesWritten = new AtomicInteger();
  /** Documents (passages and manifests) this run added. */
  private final AtomicInteger docsWritten = new AtomicInteger();
  private DirectoryReader lastCommit;
  private boolean lastCommitRead;
  private boolean committed;

  private LucenePassageWriter(Directory dir, IndexWriter writer) {
    this.dir = dir;
    this.writer = writer;
  }

  /**
   * Opens (or creates) the index at {@code indexDir}; {@code ramBufferMb} is the writer's buffer before a flush.
   *
   * @throws ReindexBusyException when another reindex holds the index
   */
  static LucenePassageWriter open(Path indexDir, double ramBufferMb) throws IOException {
    Directory dir = FSDirectory.open(indexDir);
    IndexWriterConfig iwc = new IndexWriterConfig(new NewsAnalyzer())
        .setCodec(codec())
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
        .setRAMBufferSizeMB(ramBufferMb)
        .setCommitOnClose(false);
    try {
      return new LucenePassageWriter(dir, new IndexWriter(dir, iwc));
    } catch (LockObtainFailedException e) {
      dir.close();
      throw new ReindexBusyException(indexDir, e);
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  /**
   * The default codec, with the passage vectors in an int8-quantised HNSW format. Only the vector
   * field's format differs, and it is named in the field's metadata, so any reader opens the index
   * with the default codec.
   */
  static Codec codec() {
    KnnVectorsFormat quantized = new Lucene104HnswScalarQuantizedVectorsFormat();
    return new Lucene104Codec() {
      @Override
      public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return IndexFields.VECTOR.equals(field) ? quantized : super.getKnnVectorsFormatForField(field);
      }
    };
  }

  /** The manifests of the last commit (plus this run's changes so far). */
  @Override
  public StoredManifests manifests() throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      return readManifests(reader);
    }
  }

  /** How the last commit was built; {@link IndexSignature#NONE} before the first commit. */
  @Override
  public IndexSignature signature() {
    Map<String, String> data = new HashMap<>();
    Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
    if (live != null) live.forEach(e -> data.put(e.getKey(), e.getValue()));
    return signatureOf(data);
  }

  /** The vectors the last commit holds for these hashes; this run's deletes do not hide them. */
  @Override
  public Map<String, float[]> vectors(Collection<String> textHashes) throws IOException {
    DirectoryReader reader = lastCommit();
    return reader == null ? Map.of() : StoredVectors.lookup(reader, textHashes);
  }

  private synchronized DirectoryReader lastCommit() throws IOException {
    if (!lastCommitRead) {
      lastCommitRead = true;
      if (DirectoryReader.indexExists(dir)) lastCommit = DirectoryReader.open(dir);
    }
    return lastCommit;
  }

  /** Drops every document: the run rebuilds the index from scratch, still in one commit. */
  @Override
  public void deleteAll() throws IOException {
    writer.deleteAll();
  }

  /** Drops the passages and manifest of the file at {@code path}. */
  @Override
  public void delete(String path) throws IOException {
    writer.deleteDocuments(new Term(IndexFields.PATH, path));
  }

  /**
   * Adds a file's passages and manifest; its old ones must have been {@linkplain #delete deleted}
   * first. A bulk run (from {@link #BULK_FILES} files on) writes plain segment files: packing them
   * into compound files would copy every byte once more.
   */
  @Override
  public void write(FileUpdate update) throws IOException {
    if (filesWritten.incrementAndGet() == BULK_FILES) writer.getConfig().setUseCompoundFile(false);
    List<Document> docs = new ArrayList<>(update.passages().size());
    for (int i = 0; i < update.passages().size(); i++) {
      Optional<float[]> vector = update.vectors().isEmpty() ? Optional.empty() : Optional.of(update.vectors().get(i));
      docs.add(PassageDocuments.toDocument(update.passages().get(i), update.path(), vector));
    }
    if (!docs.isEmpty()) writer.addDocuments(docs);
    docsWritten.addAndGet(docs.size());
    if (update.manifest().isPresent()) {
      writer.addDocument(manifestDocument(update.path(), ManifestCodec.encode(update.manifest().get())));
      docsWritten.incrementAndGet();
    }
  }

  /**
   * Writes out the writer's buffered segments, one after another. Called by each writing thread
   * when it runs out of files, so segments are written in parallel rather than all at commit.
   */
  @Override
  public void flushBuffers() throws IOException {
    while (writer.flushNextBuffer()) {
      // one buffered segment written per call
    }
  }

  /**
   * Makes every change of the run visible at once, with {@code stats} and {@code signature} in the
   * commit's user data. A run that wrote at least half of the index (a first build, a rebuild)
   * merges it into one segment first: a search then walks one vector graph and one term
   * dictionary instead of one per segment. Over rtqa-2024's 44,267 passages in four segments, the
   * 150 nearest passages took 1.0 ms instead of 2.5 and a whole search 9.5 ms instead of 11.3
   * (p50), for 13 s more at the end of an 18-minute build (docs/BENCHMARKS.md). Smaller runs leave
   * merging to Lucene's merge policy, so adding an article does not rewrite the index, and so do
   * indexes of more than {@link #MERGE_MAX_DOCS} documents, whose graph would take long to rebuild.
   */
  @Override
  public void commit(CorpusStats stats, IndexSignature signature) throws IOException {
    int written = docsWritten.get();
    int docs = writer.getDocStats().numDocs;
    if (written > 0 && 2L * written >= docs && docs <= MERGE_MAX_DOCS) writer.forceMerge(1);
    Map<String, String> data = new HashMap<>(stats.toCommitData());
    signature.embeddingModel().ifPresent(m -> data.put(IndexFields.COMMIT_EMBEDDING_MODEL, m));
    data.put(IndexFields.COMMIT_INGEST, signature.ingest());
    writer.setLiveCommitData(data.entrySet());
    writer.commit();
    committed = true;
  }

  @Override
  public void close() throws IOException {
    try (dir) {
      synchronized (this) {
        if (lastCommit != null) lastCommit.close();
      }
      if (committed) {
        writer.close();
      } else {
        writer.rollback();
      }
    }
  }

  /** The signature recorded in a commit's user data. */
  static IndexSignature signatureOf(Map<String, String> commitData) {
    return new IndexSignature(Optional.ofNullable(commitData.get(IndexFields.COMMIT_EMBEDDING_MODEL)),
        commitData.getOrDefault(IndexFields.COMMIT_INGEST, ""));
  }

  static Document manifestDocument(String path, BytesRef manifest) {
    Document d = new Document();
    d.add(new StringField(IndexFields.TYPE, IndexFields.TYPE_FILE, Field.Store.NO));
    d.add(new StringField(IndexFields.PATH, path, Field.Store.NO));
    d.add(new BinaryDocValuesField(IndexFields.MANIFEST_DATA, manifest));
    // Empty text fields: no term, so no query matches a manifest and BM25's statistics stay those of the passages,
    // but every document has a norm, and dense norms are cheaper to read when scoring and to write at flush.
    d.add(new TextField(IndexFields.TEXT, "", Field.Store.NO));
    d.add(new TextField(IndexFields.TITLE, "", Field.Store.NO));
    return d;
  }

  /**
   * Every live manifest of the index, by path; none when any is of another format (or is a manifest
   * without binary data, as the first versions stored them: format 0).
   */
  static StoredManifests readManifests(DirectoryReader reader) throws IOException {
    Map<String, FileManifest> out = new HashMap<>();
    IndexSearcher searcher = new IndexSearcher(reader);
    Weight weight = searcher.createWeight(new TermQuery(new Term(IndexFields.TYPE, IndexFields.TYPE_FILE)),
        ScoreMode.COMPLETE_NO_SCORES, 1);
    for (LeafReaderContext leaf : reader.leaves()) {
      Scorer scorer = weight.scorer(leaf);
      if (scorer == null) continue;
      BinaryDocValues data = leaf.reader().getBinaryDocValues(IndexFields.MANIFEST_DATA);
      Bits live = leaf.reader().getLiveDocs();
      DocIdSetIterator docs = scorer.iterator();
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        if (live != null && !live.get(doc)) continue;
        if (data == null || !data.advanceExact(doc)) return StoredManifests.ofOtherFormat(0);
        int format = ManifestCodec.format(data.binaryValue());
        if (format != ManifestCodec.FORMAT) return StoredManifests.ofOtherFormat(format);
        FileManifest m = ManifestCodec.decode(data.binaryValue());
        out.put(m.path(), m);
      }
    }
    return StoredManifests.of(out);
  }
}

package org.newsdesk.retrieval.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.newsdesk.retrieval.Passage;

/**
 * The one place a reindex writes to the Lucene index: reads the manifests the run starts from,
 * replaces or deletes a file's passages and manifest, and commits everything at once with the
 * corpus statistics. Holds Lucene's write lock from {@link #open} to {@link #close}, so one
 * reindex runs at a time per index; closed without {@link #commit}, it rolls back and readers keep
 * the last commit. {@link #write} may be called from several threads.
 */
final class LucenePassageWriter implements Closeable {
  private final Directory dir;
  private final IndexWriter writer;
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

  /** The manifests of the last commit (plus this run's changes so far). */
  StoredManifests manifests() throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      return readManifests(reader);
    }
  }

  /** Drops every document: the run rebuilds the index from scratch, still in one commit. */
  void deleteAll() throws IOException {
    writer.deleteAll();
  }

  /** Drops the passages and manifest of the file at {@code path}. */
  void delete(String path) throws IOException {
    writer.deleteDocuments(new Term(IndexFields.PATH, path));
  }

  /** Adds a file's passages and manifest; its old ones must have been {@linkplain #delete deleted} first. */
  void write(FileUpdate update) throws IOException {
    List<Document> docs = new ArrayList<>(update.passages().size());
    for (Passage p : update.passages()) docs.add(PassageDocuments.toDocument(p, update.path()));
    if (!docs.isEmpty()) writer.addDocuments(docs);
    if (update.manifest().isPresent()) {
      writer.addDocument(manifestDocument(update.path(), ManifestCodec.encode(update.manifest().get())));
    }
  }

  /**
   * Whether new segments are packed into compound files. A bulk build writes plain files: packing
   * them into a compound file would copy every byte once more.
   */
  void useCompoundFiles(boolean compound) {
    writer.getConfig().setUseCompoundFile(compound);
  }

  /**
   * Writes out the writer's buffered segments, one after another. Called by each writing thread
   * when it runs out of files, so segments are written in parallel rather than all at commit.
   */
  void flushBuffers() throws IOException {
    while (writer.flushNextBuffer()) {
      // one buffered segment written per call
    }
  }

  /** Makes every change of the run visible at once, with {@code stats} in the commit's user data. */
  void commit(CorpusStats stats) throws IOException {
    writer.setLiveCommitData(stats.toCommitData().entrySet());
    writer.commit();
    committed = true;
  }

  @Override
  public void close() throws IOException {
    try (dir) {
      if (committed) {
        writer.close();
      } else {
        writer.rollback();
      }
    }
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

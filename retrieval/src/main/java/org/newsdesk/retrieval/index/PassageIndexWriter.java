package org.newsdesk.retrieval.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;

/**
 * One reindex run on a {@link PassageIndex}: reads what the last commit remembers, replaces and
 * deletes files' passages, and commits everything at once or nothing. {@link #write} and
 * {@link #vectors} may be called from several threads.
 */
public interface PassageIndexWriter extends Closeable {
  /** The manifests of the last commit, by file path (what the incremental reindex needs). */
  StoredManifests manifests() throws IOException;

  /** How the last commit was built; a different signature makes the run rewrite every file. */
  IndexSignature signature() throws IOException;

  /**
   * The stored vectors of passages whose embedded text has one of these hashes (the hex SHA-256 of
   * the text given to the embedding model, stored with each passage), so an unchanged passage is
   * never embedded again. Hashes the index does not hold are missing from the map.
   */
  Map<String, float[]> vectors(Collection<String> textHashes) throws IOException;

  /** Drops every passage and manifest: the run rebuilds the index, still in one commit. */
  void deleteAll() throws IOException;

  /** Drops the passages and the manifest of the article file at {@code path}. */
  void delete(String path) throws IOException;

  /** Adds a file's passages (with their vectors, if any) and its manifest; its old ones were deleted first. */
  void write(FileUpdate update) throws IOException;

  /** Called by each writing thread when it runs out of files: a chance to write buffered work in parallel. */
  void flushBuffers() throws IOException;

  /** Makes every change of the run visible at once, with the corpus statistics and the signature. */
  void commit(CorpusStats stats, IndexSignature signature) throws IOException;
}

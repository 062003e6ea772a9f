package org.newsdesk.retrieval.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The vectors of another Lucene index, read-only: an earlier build kept aside, so that a rebuild
 * into a fresh folder (a benchmark rerun) reuses every vector it holds instead of embedding again.
 * Opened on the last commit of that index, which nothing here changes.
 */
public final class LuceneVectorSource implements VectorSource, Closeable {
  private final Path indexDir;
  private final Directory directory;
  private final DirectoryReader reader;

  private LuceneVectorSource(Path indexDir, Directory directory, DirectoryReader reader) {
    this.indexDir = indexDir;
    this.directory = directory;
    this.reader = reader;
  }

  /**
   * Opens the index at {@code indexDir} as a source of vectors made by {@code embeddingModel}.
   *
   * @throws NoSuchFileException when there is no index there
   * @throws IllegalArgumentException when its vectors come from another model, or it holds none
   */
  public static LuceneVectorSource open(Path indexDir, String embeddingModel) throws IOException {
    if (!Files.isDirectory(indexDir)) throw new NoSuchFileException(indexDir.toString(), null, "no index");
    Directory dir = FSDirectory.open(indexDir);
    try {
      if (!DirectoryReader.indexExists(dir)) throw new NoSuchFileException(indexDir.toString(), null, "no index");
      DirectoryReader reader = DirectoryReader.open(dir);
      Optional<String> model = LucenePassageWriter.signatureOf(reader.getIndexCommit().getUserData()).embeddingModel();
      if (!model.equals(Optional.of(embeddingModel))) {
        reader.close();
        throw new IllegalArgumentException("the index at " + indexDir + " holds "
            + model.map(m -> "vectors of " + m).orElse("no vectors") + ", not of " + embeddingModel);
      }
      return new LuceneVectorSource(indexDir, dir, reader);
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  @Override
  public Map<String, float[]> vectors(Collection<String> textHashes) throws IOException {
    return StoredVectors.lookup(reader, textHashes);
  }

  @Override
  public void close() throws IOException {
    try (directory) {
      reader.close();
    }
  }

  @Override
  public String toString() {
    return "vectors of " + indexDir;
  }
}

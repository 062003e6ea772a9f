package org.newsdesk.retrieval.index;

import java.util.List;
import java.util.Optional;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.index.ReindexReport.FileResult;

/**
 * What a reindex writes for one file: its passages (all its articles, in order), their vectors
 * (one per passage, in the same order; empty when the index holds none), its manifest (none when
 * no article of it holds its id), and its line of the report.
 */
public record FileUpdate(String path, List<Passage> passages, List<float[]> vectors, Optional<FileManifest> manifest,
                         FileResult result) {
  public FileUpdate {
    passages = List.copyOf(passages);
    vectors = List.copyOf(vectors);
    if (!vectors.isEmpty() && vectors.size() != passages.size()) {
      throw new IllegalArgumentException(path + ": " + vectors.size() + " vectors for " + passages.size() + " passages");
    }
  }
}

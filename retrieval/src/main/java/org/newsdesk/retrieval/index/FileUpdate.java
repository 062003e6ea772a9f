package org.newsdesk.retrieval.index;

import java.util.List;
import java.util.Optional;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.index.ReindexReport.FileResult;

/**
 * What a reindex writes for one file: its passages (all its articles, in order), its manifest
 * (none when no article of it holds its id), and its line of the report.
 */
record FileUpdate(String path, List<Passage> passages, Optional<FileManifest> manifest, FileResult result) {
  FileUpdate {
    passages = List.copyOf(passages);
  }
}

package org.newsdesk.retrieval.index;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;

/**
 * Passage vectors embedded before, found by the hash of the text they were made from
 * ({@code EmbeddedText.hash}): what lets a reindex embed only text it has never seen. The index's
 * own last commit is one ({@link PassageIndexWriter#vectors}); a kept earlier build is another
 * ({@link LuceneVectorSource}). Every vector of one source comes from one embedding model.
 */
@FunctionalInterface
public interface VectorSource {
  /** The vectors of those hashes the source holds; hashes it does not hold are missing from the map. */
  Map<String, float[]> vectors(Collection<String> textHashes) throws IOException;
}

package org.newsdesk.retrieval.index;

import java.util.Map;
import java.util.OptionalInt;

/**
 * The manifests a reindex starts from, by path. When the index holds manifests of another format
 * ({@code otherFormat}, written by another version), none of them can be trusted: the map is empty
 * and the reindex rebuilds every file.
 */
public record StoredManifests(Map<String, FileManifest> manifests, OptionalInt otherFormat) {
  public StoredManifests {
    manifests = Map.copyOf(manifests);
    if (otherFormat.isPresent() && !manifests.isEmpty()) {
      throw new IllegalArgumentException("manifests of another format cannot be used");
    }
  }

  public static StoredManifests of(Map<String, FileManifest> manifests) {
    return new StoredManifests(manifests, OptionalInt.empty());
  }

  public static StoredManifests ofOtherFormat(int format) {
    return new StoredManifests(Map.of(), OptionalInt.of(format));
  }
}

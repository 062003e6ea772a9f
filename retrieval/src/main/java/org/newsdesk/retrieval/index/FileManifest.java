package org.newsdesk.retrieval.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the index remembers about one article file, stored beside its passages in the same commit:
 * the content hash (an unchanged file is skipped without parsing), and for each article the
 * hashes of its paragraph fingerprints and which of them were shared with other articles when it
 * was last cleaned (when that set changes, the article is cleaned again). {@code reparse} marks a
 * file that had rejections (bad lines, duplicate ids): it is parsed again on every run so its
 * report stays true.
 */
public record FileManifest(String path, String hash, List<Entry> articles, boolean reparse) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public FileManifest {
    articles = List.copyOf(articles);
  }

  /** One article of the file; {@code indexed} is false when cleaning left nothing. */
  public record Entry(String id, Optional<LocalDate> published, Set<Long> fingerprints, Set<Long> shared,
                      boolean indexed, int passages) {
    public Entry {
      fingerprints = Set.copyOf(fingerprints);
      shared = Set.copyOf(shared);
    }
  }

  /** Whether any article of the file made it into passages. */
  public boolean anyIndexed() {
    return articles.stream().anyMatch(Entry::indexed);
  }

  String encode() {
    try {
      return JSON.writeValueAsString(new Stored(articles.stream()
          .map(e -> new StoredEntry(e.id(), e.published().map(LocalDate::toString).orElse(null),
              e.fingerprints().stream().mapToLong(Long::longValue).toArray(),
              e.shared().stream().mapToLong(Long::longValue).toArray(), e.indexed(), e.passages()))
          .toList(), reparse));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static FileManifest decode(String path, String hash, String encoded) {
    try {
      Stored s = JSON.readValue(encoded, Stored.class);
      return new FileManifest(path, hash, s.articles().stream()
          .map(e -> new Entry(e.id(), Optional.ofNullable(e.published()).map(LocalDate::parse),
              boxed(e.fingerprints()), boxed(e.shared()), e.indexed(), e.passages()))
          .toList(), s.reparse());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("bad manifest of " + path, e);
    }
  }

  private static Set<Long> boxed(long[] values) {
    return java.util.Arrays.stream(values).boxed().collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  private record Stored(List<StoredEntry> articles, boolean reparse) {}

  private record StoredEntry(String id, String published, long[] fingerprints, long[] shared, boolean indexed,
                             int passages) {}
}

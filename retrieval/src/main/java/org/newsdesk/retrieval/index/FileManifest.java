package org.newsdesk.retrieval.index;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the index remembers about one article file, stored beside its passages in the same commit:
 * the content hash (an unchanged file is skipped without parsing), and for each article its
 * paragraph fingerprints ({@code Boilerplate.fingerprint}) and which of them were shared with other
 * articles when it was last cleaned (when that set changes, the article is cleaned again).
 * {@code problems} are the file's own rejections (a bad .jsonl line), which depend on its content
 * only: an unchanged file is reported with them again without being parsed. {@code reparse} marks a
 * file with an article left out because another file holds its id: that depends on the other
 * files, so it is parsed again on every run. {@link ManifestCodec} gives its stored form.
 */
public record FileManifest(String path, String hash, List<Entry> articles, List<String> problems, boolean reparse) {
  public FileManifest {
    articles = List.copyOf(articles);
    problems = List.copyOf(problems);
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
}

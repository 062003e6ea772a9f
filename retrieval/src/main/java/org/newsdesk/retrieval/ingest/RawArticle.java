package org.newsdesk.retrieval.ingest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An article as parsed from its file, after the cleaning that needs only the article itself
 * (banner and stray lines gone, a paragraph repeated inside the article kept once), before the
 * corpus-level boilerplate check. {@code path} is the file relative to the articles folder.
 */
public record RawArticle(String id, String title, Optional<URI> url, Optional<LocalDate> published,
                         Optional<String> source, List<String> paragraphs, String path) {
  public RawArticle {
    paragraphs = List.copyOf(paragraphs);
  }
}

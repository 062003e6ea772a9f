package org.newsdesk.retrieval.ingest;

import java.net.URI;
import java.time.LocalDate;
import java.util.Optional;

/** A cleaned article: {@code text} is its kept paragraphs joined by blank lines. Passages point into it. */
public record Article(String id, String title, Optional<URI> url, Optional<LocalDate> published,
                      Optional<String> source, String text) {
  public Article {
    if (text == null || text.isBlank()) throw new IllegalArgumentException("article text is blank: " + id);
  }
}

package org.newsdesk.retrieval.ingest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Turns the fields and candidate paragraphs a format parser found into a {@link RawArticle}. */
final class ArticleAssembler {
  /** A reason the article cannot be used, worded for the maintainer. */
  static final class Rejected extends Exception {
    Rejected(String reason) {
      super(reason, null, false, false);
    }
  }

  private final ParagraphFilter filter;

  ArticleAssembler(ParagraphFilter filter) {
    this.filter = filter;
  }

  ParagraphFilter filter() {
    return filter;
  }

  /**
   * The article with article-local cleaning applied. A null or blank {@code title} is derived
   * from the first kept paragraph.
   */
  RawArticle assemble(String id, String title, Optional<URI> url, Optional<LocalDate> published,
                      Optional<String> source, List<String> paragraphs, String path) throws Rejected {
    String t = title == null ? "" : Text.collapseSpace(title);
    List<String> kept = filter.filter(t, paragraphs);
    if (kept.isEmpty()) throw new Rejected("empty after cleaning");
    if (t.isEmpty()) t = PlainText.deriveHeadline(kept.get(0));
    return new RawArticle(id, t, url, published, source.map(Text::collapseSpace).filter(s -> !s.isEmpty()),
        kept, path);
  }
}

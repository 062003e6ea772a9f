package org.newsdesk.retrieval.ingest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongToIntFunction;
import java.util.regex.Pattern;
import org.newsdesk.config.IngestConfig;

/**
 * The corpus-level cleaning step: drops paragraphs that repeat across articles (donation
 * appeals, newsletter boxes) while keeping syndicated stories intact. The decision for an
 * article depends only on the article and on how many corpus articles contain each of its
 * paragraphs, by {@link #fingerprint(String)}; counts include the article itself, so a
 * paragraph is shared when its count is 2 or more.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>A shared paragraph that is one short sentence ("Russia denies the charge.", at most
 *       {@value #SHORT_SENTENCE_WORDS} words) is ordinary reporting language and never counts as shared.</li>
 *   <li>Syndication: when one of the first two paragraphs is shared and shared paragraphs make
 *       up at least half of the article's words, the article is a copy of a story another
 *       outlet carries, and its shared paragraphs stay, except those found in more articles
 *       than its lead (the outlet's own appeal, repeated across all its stories) and those that
 *       address the reader with an appeal ("your support", "subscribe", "become a supporter").</li>
 *   <li>Otherwise every shared paragraph is boilerplate and goes.</li>
 * </ol>
 * Nothing left means the article is empty after cleaning.
 */
public final class Boilerplate {
  /** A shared single sentence up to this many words is kept. */
  static final int SHORT_SENTENCE_WORDS = 8;

  /** Phrases of an appeal to the reader; only consulted for paragraphs other articles share. */
  private static final Pattern READER_APPEAL = Pattern.compile(
      "\\b(support us|your support|support (our|independent|local) (work|journalism|newsroom|reporting)|subscribe"
          + "|subscription|contribution|become a (supporter|member|subscriber)|newsletter|paywall|ad-free"
          + "|donate to|make a donation|sign up|dear readers)\\b",
      Pattern.CASE_INSENSITIVE);

  private final IngestConfig config;

  public Boilerplate(IngestConfig config) {
    this.config = config;
  }

  /**
   * A normalised key of a paragraph: equal for paragraphs that differ only in case, spacing,
   * punctuation or quote style. A 64-bit hash of the normalised text; the corpus counts and the
   * index's manifests hold this same value.
   */
  public static long fingerprint(String paragraph) {
    return Text.keyHash(paragraph);
  }

  /** The fingerprint of each paragraph of {@code raw}, in paragraph order. */
  public static long[] paragraphFingerprints(RawArticle raw) {
    List<String> paragraphs = raw.paragraphs();
    long[] out = new long[paragraphs.size()];
    for (int i = 0; i < out.length; i++) out[i] = fingerprint(paragraphs.get(i));
    return out;
  }

  /** The distinct fingerprints of an article's paragraphs: what the corpus counts are made of. */
  public static Set<Long> fingerprints(RawArticle raw) {
    return distinct(paragraphFingerprints(raw));
  }

  /** The distinct values of {@code paragraphFingerprints}, in first-seen order. */
  public static Set<Long> distinct(long[] paragraphFingerprints) {
    Set<Long> out = new LinkedHashSet<>(paragraphFingerprints.length * 2);
    for (long f : paragraphFingerprints) out.add(f);
    return out;
  }

  /**
   * The article with boilerplate removed, or empty when nothing of substance is left.
   * {@code articlesContaining} gives, for a fingerprint, the number of corpus articles holding it.
   */
  public Optional<Article> clean(RawArticle raw, LongToIntFunction articlesContaining) {
    return clean(raw, paragraphFingerprints(raw), articlesContaining);
  }

  /**
   * As {@link #clean(RawArticle, LongToIntFunction)}, for a caller that already holds each
   * paragraph's fingerprint ({@link #paragraphFingerprints}), so none is computed twice.
   */
  public Optional<Article> clean(RawArticle raw, long[] paragraphFingerprints, LongToIntFunction articlesContaining) {
    List<String> paragraphs = raw.paragraphs();
    int n = paragraphs.size();
    if (paragraphFingerprints.length != n) {
      throw new IllegalArgumentException("expected " + n + " fingerprints for " + raw.id() + ", got "
          + paragraphFingerprints.length);
    }
    int[] counts = new int[n];
    int[] words = new int[n];
    int totalWords = 0;
    int sharedWords = 0;
    for (int i = 0; i < n; i++) {
      String p = paragraphs.get(i);
      words[i] = Text.wordCount(p);
      totalWords += words[i];
      counts[i] = isShortSentence(p, words[i]) ? 1 : articlesContaining.applyAsInt(paragraphFingerprints[i]);
      if (counts[i] >= 2) sharedWords += words[i];
    }
    int leadCount = 0;
    for (int i = 0; i < Math.min(2, n) && leadCount == 0; i++) {
      if (counts[i] >= 2) leadCount = counts[i];
    }
    boolean syndicated = leadCount >= 2 && sharedWords * 2 >= totalWords;
    List<String> kept = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      boolean shared = counts[i] >= 2;
      boolean keepShared = syndicated && counts[i] <= leadCount && !READER_APPEAL.matcher(paragraphs.get(i)).find();
      if (!shared || keepShared) kept.add(paragraphs.get(i));
    }
    if (kept.isEmpty()) return Optional.empty();
    return Optional.of(new Article(raw.id(), raw.title(), raw.url(), raw.published(), raw.source(),
        String.join("\n\n", kept)));
  }

  private static boolean isShortSentence(String paragraph, int words) {
    return words <= SHORT_SENTENCE_WORDS && Text.endsSentence(paragraph) && Sentences.split(paragraph).size() == 1;
  }

  IngestConfig config() {
    return config;
  }
}

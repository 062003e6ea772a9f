package org.newsdesk.retrieval.ingest;

import java.util.ArrayList;
import java.util.List;
import org.newsdesk.config.IngestConfig;
import org.newsdesk.retrieval.Passage;

/**
 * Cuts a cleaned article into sentence-aware passages of about {@code passageMinWords} to
 * {@code passageMaxWords} words. A sentence is never cut: a passage ends at a paragraph end
 * once it has reached the minimum, or before a sentence that would take it over the maximum (a
 * single sentence longer than the maximum is a passage of its own). A trailing remainder under
 * the minimum joins the previous passage when the two fit under the maximum. Offsets point into
 * {@link Article#text()}; ordinals run 0..n-1; the headline is carried in {@link Passage#title()}.
 */
public final class PassageSplitter {
  private final IngestConfig config;

  public PassageSplitter(IngestConfig config) {
    this.config = config;
  }

  public List<Passage> split(Article article) {
    String text = article.text();
    int min = config.passageMinWords();
    int max = config.passageMaxWords();
    List<int[]> chunks = new ArrayList<>(); // {start, end, words}
    List<Span> sentences = Sentences.split(text);
    int from = -1;
    int to = -1;
    int words = 0;
    for (int k = 0; k < sentences.size(); k++) {
      Span s = sentences.get(k);
      int w = Text.wordCount(text, s.start(), s.end());
      if (from >= 0 && words + w > max) {
        chunks.add(new int[] {from, to, words});
        from = -1;
        words = 0;
      }
      if (from < 0) from = s.start();
      to = s.end();
      words += w;
      boolean paragraphEnds = k + 1 == sentences.size() || paragraphBreakBetween(text, s.end(), sentences.get(k + 1).start());
      if (paragraphEnds && words >= min) {
        chunks.add(new int[] {from, to, words});
        from = -1;
        words = 0;
      }
    }
    if (from >= 0) {
      int[] last = chunks.isEmpty() ? null : chunks.get(chunks.size() - 1);
      if (last != null && words < min && last[2] + words <= max) {
        last[1] = to;
        last[2] += words;
      } else {
        chunks.add(new int[] {from, to, words});
      }
    }
    List<Passage> out = new ArrayList<>(chunks.size());
    for (int[] c : chunks) {
      out.add(new Passage(article.id(), out.size(), article.title(), text.substring(c[0], c[1]), article.url(),
          article.published(), article.source(), c[0], c[1]));
    }
    return out;
  }

  private static boolean paragraphBreakBetween(String text, int from, int to) {
    int newlines = 0;
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '\n' && ++newlines >= 2) return true;
    }
    return false;
  }
}

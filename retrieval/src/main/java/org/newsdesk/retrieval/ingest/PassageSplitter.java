package org.newsdesk.retrieval.ingest;

import java.util.ArrayList;
import java.util.List;
import org.newsdesk.config.IngestConfig;
import org.newsdesk.retrieval.Passage;

/**
 * Cuts a cleaned article into sentence-aware passages of about {@code passageMinWords} to
 * {@code passageMaxWords} words; a sentence is never cut. Offsets point into {@link Article#text()}.
 */
public final class PassageSplitter {
  private final IngestConfig config;

  public PassageSplitter(IngestConfig config) {
    this.config = config;
  }

  public List<Passage> split(Article article) {
    String text = article.text();
    List<Passage> out = new ArrayList<>();
    List<Span> sentences = Sentences.split(text);
    int from = -1;
    int to = -1;
    int words = 0;
    for (Span s : sentences) {
      if (from < 0) from = s.start();
      to = s.end();
      words += s.of(text).split("\\s+").length;
      if (words >= config.passageMinWords()) {
        out.add(passage(article, out.size(), from, to));
        from = -1;
        words = 0;
      }
    }
    if (from >= 0) out.add(passage(article, out.size(), from, to));
    return out;
  }

  private static Passage passage(Article a, int ordinal, int start, int end) {
    return new Passage(a.id(), ordinal, a.title(), a.text().substring(start, end), a.url(), a.published(),
        a.source(), start, end);
  }
}

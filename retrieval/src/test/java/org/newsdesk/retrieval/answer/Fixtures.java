package org.newsdesk.retrieval.answer;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.search.PassageSearcher;
import org.newsdesk.retrieval.search.ScoredPassage;

/** Three small articles (written for these tests) and hand-written searchers over them. */
final class Fixtures {
  static final String BRIDGE_2014_TEXT = "The city council voted on Tuesday to build a new bridge across the Vessel river. "
      + "The bridge will cost 40 million euros and open in 2017. "
      + "Mayor Lena Ortiz said the crossing would cut commuting times by half. "
      + "Opponents argued that the money should go to schools instead.";
  static final String BRIDGE_2022_TEXT = "The Vessel river bridge closed on Monday after engineers found cracks in two pillars. "
      + "Repairs are expected to take six months and cost 12 million euros. "
      + "Mayor Tomas Berg blamed the original builders for cutting corners.";
  static final String FERRY_TEXT = "The harbor authority opened a new ferry terminal on the east bank. "
      + "Ferries will run every twenty minutes between the terminal and the old town. "
      + "Tickets cost two euros for adults.";

  static final Passage BRIDGE_2014 = passage("bridge-2014", "City council approves a bridge over the Vessel",
      BRIDGE_2014_TEXT, Optional.of(LocalDate.of(2014, 5, 2)), Optional.of("Harbor Gazette"), 120);
  static final Passage BRIDGE_2022 = passage("bridge-2022", "Vessel bridge closes for repairs",
      BRIDGE_2022_TEXT, Optional.of(LocalDate.of(2022, 9, 14)), Optional.of("Harbor Gazette"), 0);
  static final Passage FERRY = passage("ferry", "A new ferry terminal", FERRY_TEXT, Optional.empty(),
      Optional.empty(), 45);

  static final List<Passage> ALL = List.of(BRIDGE_2014, BRIDGE_2022, FERRY);

  private Fixtures() {}

  static Passage passage(String id, String title, String text, Optional<LocalDate> published, Optional<String> source,
                         int start) {
    return new Passage(id, 0, title, text, Optional.of(URI.create("https://news.example/" + id)), published, source,
        start, start + text.length());
  }

  /** Ranks passages by how many distinct question words (3+ letters) they contain; none in common, not returned. */
  static PassageSearcher overlapSearcher(List<Passage> passages) {
    return (question, limit) -> {
      Set<String> words = words(question);
      List<ScoredPassage> out = new ArrayList<>();
      for (Passage p : passages) {
        Set<String> have = words(p.title() + " " + p.text());
        long n = words.stream().filter(have::contains).count();
        if (n > 0) out.add(new ScoredPassage(p, n));
      }
      out.sort(Comparator.comparingDouble(ScoredPassage::score).reversed());
      return out.subList(0, Math.min(limit, out.size()));
    };
  }

  /** Plain BM25 (k1 0.9, b 0.4) over headline and text with the answer step's word normalisation. */
  static PassageSearcher bm25Searcher(List<Passage> passages) {
    List<java.util.Map<String, Integer>> tfs = new ArrayList<>();
    java.util.Map<String, Integer> df = new java.util.HashMap<>();
    double total = 0;
    for (Passage p : passages) {
      java.util.Map<String, Integer> tf = new java.util.HashMap<>();
      for (Terms.Token t : Terms.tokens(p.title() + " " + p.text())) tf.merge(t.stem(), 1, Integer::sum);
      tfs.add(tf);
      tf.keySet().forEach(k -> df.merge(k, 1, Integer::sum));
      total += tf.values().stream().mapToInt(Integer::intValue).sum();
    }
    double avg = total / Math.max(1, passages.size());
    return (question, limit) -> {
      Set<String> q = new HashSet<>();
      for (Terms.Token t : Terms.tokens(question)) q.add(t.stem());
      List<ScoredPassage> out = new ArrayList<>();
      for (int i = 0; i < passages.size(); i++) {
        java.util.Map<String, Integer> tf = tfs.get(i);
        double len = tf.values().stream().mapToInt(Integer::intValue).sum();
        double s = 0;
        for (String t : q) {
          Integer f = tf.get(t);
          if (f == null) continue;
          double idf = Math.log(1 + (passages.size() - df.get(t) + 0.5) / (df.get(t) + 0.5));
          s += idf * f * 1.9 / (f + 0.9 * (0.6 + 0.4 * len / avg));
        }
        if (s > 0) out.add(new ScoredPassage(passages.get(i), (float) s));
      }
      out.sort(Comparator.comparingDouble(ScoredPassage::score).reversed());
      return out.subList(0, Math.min(limit, out.size()));
    };
  }

  /** Always the same passages, in this order, whatever the question. */
  static PassageSearcher fixedSearcher(List<Passage> passages) {
    return (question, limit) -> {
      List<ScoredPassage> out = new ArrayList<>();
      for (int i = 0; i < passages.size() && i < limit; i++) out.add(new ScoredPassage(passages.get(i), 10f - i));
      return out;
    };
  }

  private static Set<String> words(String text) {
    Set<String> out = new HashSet<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.length() >= 3 && !Set.of("the", "and", "what", "how", "who", "did", "does", "will", "for", "with").contains(w)) {
        out.add(w);
      }
    }
    return out;
  }
}

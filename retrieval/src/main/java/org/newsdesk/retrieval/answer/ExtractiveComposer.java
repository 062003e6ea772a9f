package org.newsdesk.retrieval.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsdesk.retrieval.ingest.Sentences;
import org.newsdesk.retrieval.ingest.Span;
import org.newsdesk.retrieval.search.ScoredPassage;

/**
 * The extractive answer: the sentences of the retrieved passages that best answer the question,
 * each followed by the number of its passage. A sentence scores by how much of the question it
 * covers (question words weighted by rarity among the candidate sentences, names and numbers
 * counting more), how much its passage covers, how close together its matches sit, and its
 * passage's retrieval score. Its support is the sentence and passage coverage: below
 * {@code minSupport} for every sentence, the draft is empty (not found).
 */
public final class ExtractiveComposer {
  /** One chosen sentence: passage index (0-based, retrieval order), sentence span within the passage text. */
  public record Pick(int passage, Span span, double support, double score) {}

  /** The draft answer text with {@code [n]} markers (n = 1-based passage index), its picks and best support. */
  public record Draft(List<CitationCheck.Drafted> sentences, List<Pick> picks, double bestSupport) {
    public boolean empty() {
      return picks.isEmpty();
    }
  }

  /** Weight of a word carried over from earlier questions, relative to the reader's own words. */
  static final double CARRIED_WEIGHT = 0.4;
  /** Weight of a name or number of the question: the words that pin down what it is about. */
  static final double SALIENT_WEIGHT = 2.0;
  private static final int MIN_WORDS = 4;
  private static final int PREFIX_MATCH = 6;
  private static final double FOLLOWER_RATIO = 0.75;
  private static final double DUPLICATE_JACCARD = 0.8;

  private final int maxSentences;
  private final double minSupport;

  public ExtractiveComposer(int maxSentences, double minSupport) {
    if (maxSentences < 1) throw new IllegalArgumentException("maxSentences must be >= 1, got " + maxSentences);
    if (minSupport < 0 || minSupport > 1) throw new IllegalArgumentException("minSupport must be 0..1, got " + minSupport);
    this.maxSentences = maxSentences;
    this.minSupport = minSupport;
  }

  private record Candidate(int passage, Span span, Set<String> stems, List<Terms.Token> tokens) {}

  private record Scored(Candidate c, double support, double score) {}

  public Draft compose(String question, List<ScoredPassage> passages) {
    return compose(question, question, passages);
  }

  /**
   * As {@link #compose(String, List)} for a follow-up: words of {@code standalone} that the reader's
   * own {@code question} lacks (carried from earlier turns) count {@link #CARRIED_WEIGHT} as much.
   */
  public Draft compose(String question, String standalone, List<ScoredPassage> passages) {
    List<Scored> ranked = rank(question, standalone, passages);
    double best = ranked.isEmpty() ? 0 : ranked.stream().mapToDouble(Scored::support).max().orElse(0);
    List<Scored> chosen = new ArrayList<>();
    for (Scored s : ranked) {
      if (chosen.size() == maxSentences) break;
      if (s.support() < minSupport) continue;
      if (!chosen.isEmpty() && s.score() < FOLLOWER_RATIO * chosen.getFirst().score()) break;
      if (chosen.stream().anyMatch(c -> jaccard(c.c().stems(), s.c().stems()) >= DUPLICATE_JACCARD)) continue;
      chosen.add(s);
    }
    List<CitationCheck.Drafted> sentences = new ArrayList<>();
    List<Pick> picks = new ArrayList<>();
    for (Scored s : chosen) {
      String sentence = s.c().span().of(passages.get(s.c().passage()).passage().text());
      sentences.add(new CitationCheck.Drafted(sentence, List.of(s.c().passage() + 1)));
      picks.add(new Pick(s.c().passage(), s.c().span(), s.support(), s.score()));
    }
    return new Draft(sentences, picks, best);
  }

  /** Every candidate sentence with its support and score, best score first. */
  List<Scored> rank(String question, String standalone, List<ScoredPassage> passages) {
    Map<String, Double> queryWeights = new HashMap<>();
    Set<String> salientQuery = new HashSet<>();
    Set<String> own = new HashSet<>();
    for (Terms.Token t : Terms.tokens(question)) own.add(t.stem());
    for (Terms.Token t : Terms.tokens(standalone)) {
      queryWeights.put(t.stem(), 1.0);
      if (t.salient()) salientQuery.add(t.stem());
    }
    if (queryWeights.isEmpty() || passages.isEmpty()) return List.of();

    List<Candidate> candidates = new ArrayList<>();
    List<Set<String>> passageStems = new ArrayList<>();
    for (int i = 0; i < passages.size(); i++) {
      String text = passages.get(i).passage().text();
      Set<String> all = new HashSet<>();
      for (Span span : lines(text)) {
        String sentence = span.of(text);
        List<Terms.Token> tokens = Terms.tokens(sentence);
        Set<String> stems = new HashSet<>();
        for (Terms.Token t : tokens) stems.add(t.stem());
        all.addAll(stems);
        if (Terms.wordCount(sentence) >= MIN_WORDS) candidates.add(new Candidate(i, span, stems, tokens));
      }
      passageStems.add(all);
    }
    if (candidates.isEmpty()) return List.of();

    // Rarity among the candidate sentences: a word in every sentence says little about which one answers.
    int n = candidates.size();
    double total = 0;
    double ownTotal = 0;
    for (Map.Entry<String, Double> e : queryWeights.entrySet()) {
      long df = candidates.stream().filter(c -> has(c.stems(), e.getKey())).count();
      double w = Math.log(1 + (n + 1.0) / (df + 0.5)) * (salientQuery.contains(e.getKey()) ? SALIENT_WEIGHT : 1.0)
          * (own.contains(e.getKey()) || own.isEmpty() ? 1.0 : CARRIED_WEIGHT);
      e.setValue(w);
      total += w;
      if (own.contains(e.getKey()) || own.isEmpty()) ownTotal += w;
    }
    float topScore = Math.max(1e-6f, passages.getFirst().score());

    List<Scored> out = new ArrayList<>();
    for (Candidate c : candidates) {
      double sentenceCover = 0;
      double passageCover = 0;
      double ownSentenceCover = 0;
      double ownPassageCover = 0;
      for (Map.Entry<String, Double> e : queryWeights.entrySet()) {
        boolean mine = own.contains(e.getKey()) || own.isEmpty();
        if (has(c.stems(), e.getKey())) {
          sentenceCover += e.getValue();
          if (mine) ownSentenceCover += e.getValue();
        }
        if (has(passageStems.get(c.passage()), e.getKey())) {
          passageCover += e.getValue();
          if (mine) ownPassageCover += e.getValue();
        }
      }
      sentenceCover /= total;
      passageCover /= total;
      // Support (answerability) is judged on the reader's own words; carried words only help ranking.
      double support = ownTotal == 0 ? 0 : (0.75 * ownSentenceCover + 0.25 * ownPassageCover) / ownTotal;
      double retrieval = Math.max(0, passages.get(c.passage()).score() / topScore);
      double score = 0.6 * sentenceCover + 0.15 * passageCover + 0.1 * proximity(c.tokens(), queryWeights.keySet())
          + 0.15 * retrieval;
      out.add(new Scored(c, support, score));
    }
    out.sort(Comparator.comparingDouble(Scored::score).reversed());
    return out;
  }

  /** The sentences of a text, cut again at line breaks (a caption line without a full stop is its own sentence). */
  static List<Span> lines(String text) {
    List<Span> out = new ArrayList<>();
    for (Span s : Sentences.split(text)) {
      int from = s.start();
      for (int i = s.start(); i < s.end(); i++) {
        if (text.charAt(i) == '\n' || text.charAt(i) == '\r') {
          if (!text.substring(from, i).isBlank()) out.add(trim(text, from, i));
          from = i + 1;
        }
      }
      if (!text.substring(from, s.end()).isBlank()) out.add(trim(text, from, s.end()));
    }
    return out;
  }

  private static Span trim(String text, int from, int to) {
    while (from < to && Character.isWhitespace(text.charAt(from))) from++;
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) to--;
    return new Span(from, to);
  }

  /** 1 when the matched question words sit side by side, falling towards 0 as they spread out. */
  private static double proximity(List<Terms.Token> tokens, Set<String> query) {
    int first = -1;
    int last = -1;
    Set<String> seen = new HashSet<>();
    for (Terms.Token t : tokens) {
      if (!query.contains(t.stem())) continue;
      if (first < 0) first = t.position();
      last = t.position();
      seen.add(t.stem());
    }
    if (seen.size() < 2) return seen.isEmpty() ? 0 : 0.5;
    return Math.min(1.0, (double) (2 * seen.size() - 1) / (last - first + 1));
  }

  /**
   * Whether the stems hold the question stem, or a longer or shorter form of it sharing at least
   * six letters ("america" / "american", "congratul" / "congratulatori").
   */
  static boolean has(Set<String> stems, String stem) {
    if (stems.contains(stem)) return true;
    if (stem.length() < PREFIX_MATCH) return false;
    for (String s : stems) {
      if (s.length() >= PREFIX_MATCH && (s.startsWith(stem) || stem.startsWith(s))) return true;
    }
    return false;
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) return 1;
    int inter = 0;
    for (String s : a) if (b.contains(s)) inter++;
    return (double) inter / (a.size() + b.size() - inter);
  }
}

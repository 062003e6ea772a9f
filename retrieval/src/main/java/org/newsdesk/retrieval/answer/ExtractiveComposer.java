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
 * passage's retrieval score. Its support is the weighted share of the reader's own question words
 * that it holds: a word in the sentence counts fully, a word reported in its place
 * ({@link RelatedWords}) counts {@link #RELATED_CREDIT}, a word found only in the sentence's passage or
 * headline counts {@link #CONTEXT_CREDIT} (news sentences say "Moscow" or "he" for a subject named
 * earlier). A sentence without the kind of expression the question asks for (a time for "when", a
 * figure for "how many", see {@link AnswerType}) keeps {@link #UNTYPED_SUPPORT} of its support and
 * {@link #UNTYPED_SCORE} of its score. Below {@code minSupport} for every sentence, the draft is empty
 * (not found). Followers of the best sentence must score near it, less so when they come from an
 * article of another date, must hold the asked-for kind when the best one does, and must be about the
 * same names and numbers of the question as the best one (in the sentence, its passage or headline).
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
  /** Credit for a question word that the sentence's passage or headline holds but the sentence does not. */
  static final double CONTEXT_CREDIT = 0.4;
  /** Credit for a question word that the text holds only as a related word ("accused" for "blamed"). */
  static final double RELATED_CREDIT = 0.75;
  /** Support and score kept by a sentence that lacks the kind of expression the question asks for ({@link AnswerType}). */
  static final double UNTYPED_SUPPORT = 0.7;
  static final double UNTYPED_SCORE = 0.75;
  private static final int MIN_WORDS = 4;
  private static final int PREFIX_MATCH = 6;
  private static final double FOLLOWER_RATIO = 0.75;
  /**
   * A follower from an article published on a date no chosen sentence has needs less: showing what
   * an earlier or later report said is worth a weaker match (the answer dates each claim).
   */
  private static final double OTHER_DATE_FOLLOWER_RATIO = 0.6;
  private static final double DUPLICATE_JACCARD = 0.8;

  private final int maxSentences;
  private final double minSupport;

  public ExtractiveComposer(int maxSentences, double minSupport) {
    if (maxSentences < 1) throw new IllegalArgumentException("maxSentences must be >= 1, got " + maxSentences);
    if (minSupport < 0 || minSupport > 1) throw new IllegalArgumentException("minSupport must be 0..1, got " + minSupport);
    this.maxSentences = maxSentences;
    this.minSupport = minSupport;
  }

  record Candidate(int passage, Span span, Set<String> stems, List<Terms.Token> tokens) {}

  /** {@code names}: the question's own names and numbers that the sentence, its passage or its headline holds. */
  record Scored(Candidate c, double support, double score, boolean typed, Set<String> names) {}

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
      if (!chosen.isEmpty()) {
        if (s.score() < OTHER_DATE_FOLLOWER_RATIO * chosen.getFirst().score()) break;
        if (s.score() < FOLLOWER_RATIO * chosen.getFirst().score() && !newDate(s, chosen, passages)) continue;
        if (chosen.getFirst().typed() && !s.typed()) continue;
        if (!s.names().containsAll(chosen.getFirst().names())) continue; // about someone or something else
      }
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
    List<Set<String>> contextStems = new ArrayList<>();
    for (int i = 0; i < passages.size(); i++) {
      String text = passages.get(i).passage().text();
      Set<String> all = new HashSet<>();
      for (Terms.Token t : Terms.tokens(passages.get(i).passage().title())) all.add(t.stem());
      for (Span span : lines(text)) {
        String sentence = span.of(text);
        List<Terms.Token> tokens = Terms.tokens(sentence);
        Set<String> stems = new HashSet<>();
        for (Terms.Token t : tokens) stems.add(t.stem());
        all.addAll(stems);
        if (Terms.wordCount(sentence) >= MIN_WORDS) candidates.add(new Candidate(i, span, stems, tokens));
      }
      contextStems.add(all);
    }
    if (candidates.isEmpty()) return List.of();

    // Rarity among the candidate sentences: a word in every sentence says little about which one answers.
    // A word no candidate holds gets the weight of the rarest held word: it may be a paraphrase, and
    // its absence alone should not outweigh every word that was found.
    int n = candidates.size();
    double rarest = Math.log(1 + (n + 1.0) / 1.5);
    double total = 0;
    double ownTotal = 0;
    for (Map.Entry<String, Double> e : queryWeights.entrySet()) {
      long df = candidates.stream().filter(c -> credit(c.stems(), e.getKey()) > 0).count();
      double rarity = df == 0 ? rarest : Math.log(1 + (n + 1.0) / (df + 0.5));
      double w = rarity * (salientQuery.contains(e.getKey()) ? SALIENT_WEIGHT : 1.0)
          * (own.contains(e.getKey()) || own.isEmpty() ? 1.0 : CARRIED_WEIGHT);
      e.setValue(w);
      total += w;
      if (own.contains(e.getKey()) || own.isEmpty()) ownTotal += w;
    }
    float topScore = Math.max(1e-6f, passages.getFirst().score());
    AnswerType type = AnswerType.of(question);

    List<Scored> out = new ArrayList<>();
    for (Candidate c : candidates) {
      double sentenceCover = 0;
      double passageCover = 0;
      double ownSupport = 0;
      Set<String> names = new HashSet<>();
      for (Map.Entry<String, Double> e : queryWeights.entrySet()) {
        boolean mine = own.contains(e.getKey()) || own.isEmpty();
        double inSentence = credit(c.stems(), e.getKey());
        double inContext = credit(contextStems.get(c.passage()), e.getKey());
        if (mine && salientQuery.contains(e.getKey()) && Math.max(inSentence, inContext) > 0) names.add(e.getKey());
        sentenceCover += e.getValue() * inSentence;
        passageCover += e.getValue() * inContext;
        if (mine) ownSupport += e.getValue() * Math.max(inSentence, CONTEXT_CREDIT * inContext);
      }
      sentenceCover /= total;
      passageCover /= total;
      // Support (answerability) is judged on the reader's own words; carried words only help ranking.
      double support = ownTotal == 0 ? 0 : ownSupport / ownTotal;
      boolean typed = type.heldBy(c.span().of(passages.get(c.passage()).passage().text()), question);
      if (!typed) support *= UNTYPED_SUPPORT;
      double retrieval = Math.max(0, passages.get(c.passage()).score() / topScore);
      double score = 0.6 * sentenceCover + 0.15 * passageCover + 0.1 * proximity(c.tokens(), queryWeights.keySet())
          + 0.15 * retrieval;
      if (!typed) score *= UNTYPED_SCORE;
      out.add(new Scored(c, support, score, typed, names));
    }
    out.sort(Comparator.comparingDouble(Scored::score).reversed());
    return out;
  }

  private static boolean newDate(Scored s, List<Scored> chosen, List<ScoredPassage> passages) {
    var date = passages.get(s.c().passage()).passage().published();
    if (date.isEmpty()) return false;
    return chosen.stream().noneMatch(c -> passages.get(c.c().passage()).passage().published().equals(date));
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
  /**
   * 1 when the stems hold the question's word ({@link #has}), {@link #RELATED_CREDIT} when they hold
   * only a word reported in its place ({@link RelatedWords}), else 0.
   */
  static double credit(Set<String> stems, String stem) {
    if (has(stems, stem)) return 1;
    for (String r : RelatedWords.of(stem)) if (stems.contains(r)) return RELATED_CREDIT;
    return 0;
  }

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

package org.newsdesk.retrieval.answer;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.ingest.Sentences;
import org.newsdesk.retrieval.ingest.Span;
import org.newsdesk.retrieval.search.Idf;
import org.newsdesk.retrieval.search.ScoredPassage;

/**
 * Ranks the sentences of retrieved passages by how well they answer a question: the one place a
 * sentence is picked, for the extractive answer, for the best sentence that {@code search} shows,
 * and for the quote of a checked claim.
 *
 * <p>A sentence scores by how much of the question it covers (question terms weighted by how rare
 * they are among the candidate sentences, names and numbers counting more), how much its passage
 * and headline cover, how close together its matches sit, its passage's place in the retrieval
 * ranking, and whether it holds the kind of expression the question asks for ({@link AnswerKind}:
 * a sentence without one keeps {@link #UNHELD_SUPPORT} of its support and {@link #UNHELD_SCORE} of
 * its score). Its <em>support</em> says whether it answers at all: the weighted share of the
 * reader's own question terms it holds, a term found only in its passage or headline counting
 * {@link #CONTEXT_CREDIT} (news sentences say "Moscow" or "he" for a subject named earlier), a term
 * reported in other words ({@link RelatedWords}) {@link #RELATED_CREDIT}.
 */
public final class SentenceRanker {
  /** Weight of a term carried over from earlier questions, relative to the reader's own terms. */
  static final double CARRIED_WEIGHT = 0.4;
  /** Weight of a name or number of the question, and of what "how many" counts: what it is about. */
  static final double SALIENT_WEIGHT = 2.0;
  /** Credit for a question term that the sentence's passage or headline holds but the sentence does not. */
  static final double CONTEXT_CREDIT = 0.4;
  /** Credit for a question term that the text holds only as a related word ("accused" for "blamed"). */
  static final double RELATED_CREDIT = 0.75;
  /** Support and score kept by a sentence without the kind of expression the question asks for. */
  static final double UNHELD_SUPPORT = 0.7;
  static final double UNHELD_SCORE = 0.5;
  /** A sentence giving a reason takes this share of the coverage of a sentence up to {@link #REASON_REACH} before it. */
  static final double REASON_CREDIT = 0.9;
  static final int REASON_REACH = 2;
  /** Sentences shorter than this many words are headlines, bylines or captions, not answers. */
  static final int MIN_WORDS = 4;
  /** A sentence that ends in a question mark, perhaps inside closing quotes or brackets. */
  private static final Pattern ASKS = Pattern.compile("\\?[\"'\u201d\u2019)\\]]*\\s*$");
  private static final int PREFIX_MATCH = 6;
  /** How many terms after a figure may name what it counts ("171 of the Boeing 737 Max 9 planes": 4). */
  private static final int COUNT_REACH = 4;
  /**
   * The shortest stem taken for the base of an "-er" or "-est" form: the stemmer leaves "higher" and
   * "highest" whole, and "high" shares too few letters with them for {@link #PREFIX_MATCH}.
   */
  private static final int MIN_DEGREE_BASE = 4;

  /** How many of the best sentences by words are ranked again with their meaning. */
  static final int MEANING_RERANK = 8;
  /** Weight of the cosine similarity of question and sentence vectors in that second ranking. */
  static final double W_MEANING = 2.0;

  /** Score weights: sentence coverage, passage coverage, proximity of matches, retrieval rank. */
  private static final double W_SENTENCE = 0.6;
  private static final double W_PASSAGE = 0.15;
  private static final double W_PROXIMITY = 0.1;
  private static final double W_RETRIEVAL = 0.15;

  /**
   * A candidate sentence: its passage (index into the passages given), its span in the passage text;
   * {@code names} are the question's names and numbers, and the words it only ranks by (carried from
   * earlier questions, the size asked for), that the sentence, its passage or its headline holds;
   * {@code whole} whether these hold every one of the reader's own question terms (a related word
   * does not count; a question of no terms of its own, "How old is she?", is never held whole);
   * {@code onSubject} whether they hold a word of what the question is about
   * ({@link Question#subjectTerms()}: "embankments", not the "cost" every report of a sum repeats).
   */
  public record Ranked(int passage, Span span, double support, double score, boolean held, Set<String> names,
                       Set<String> stems, double meaning, boolean whole, boolean onSubject) {
    /** The same sentence ranked with {@code other} as its score. */
    Ranked withScore(double other) {
      return new Ranked(passage, span, support, other, held, names, stems, meaning, whole, onSubject);
    }
  }

  private record Candidate(int passage, Span span, Set<String> stems, List<Terms.Token> tokens) {}

  private SentenceRanker() {}

  /** The sentence of {@code passage} that best answers {@code question}; its first sentence when none matches. */
  public static Span best(String question, Passage passage) {
    List<Ranked> ranked = rank(Question.of(question), Question.of(question).terms(),
        List.of(new ScoredPassage(passage, 1f)), false);
    if (!ranked.isEmpty() && ranked.getFirst().score() > 0) return ranked.getFirst().span();
    List<Span> lines = lines(passage.text());
    return lines.isEmpty() ? new Span(0, passage.text().length()) : lines.getFirst();
  }

  /**
   * Every candidate sentence of {@code passages} (best retrieved first), best score first.
   * {@code searched} are the terms actually searched: the question's own, plus any carried over
   * from earlier questions of the conversation, which help ranking but not support.
   */
  static List<Ranked> rank(Question question, List<Terms.Token> searched, List<ScoredPassage> passages,
                           boolean shortSentencesToo) {
    return rank(question, searched, passages, shortSentencesToo, Optional.empty());
  }

  /**
   * As {@link #rank(Question, List, List, boolean)}, then the best {@link #MEANING_RERANK} by words
   * ranked again by words and meaning together: each gains {@link #W_MEANING} × the cosine of its
   * vector and the question's, from {@code meaning} (the model the passages were embedded with).
   */
  static List<Ranked> rank(Question question, List<Terms.Token> searched, List<ScoredPassage> passages,
                           boolean shortSentencesToo, Optional<EmbeddingModel> meaning) {
    List<Ranked> byWords = rankByWords(question, searched, passages, shortSentencesToo);
    if (meaning.isEmpty() || byWords.size() < 2) return byWords;
    int m = Math.min(MEANING_RERANK, byWords.size());
    List<TextSegment> texts = new ArrayList<>(m + 1);
    texts.add(TextSegment.from(question.text()));
    for (int i = 0; i < m; i++) {
      Ranked r = byWords.get(i);
      texts.add(TextSegment.from(r.span().of(passages.get(r.passage()).passage().text())));
    }
    List<Embedding> vectors = meaning.get().embedAll(texts).content();
    List<Ranked> out = new ArrayList<>(byWords);
    for (int i = 0; i < m; i++) {
      Ranked r = byWords.get(i);
      double cosine = CosineSimilarity.between(vectors.getFirst(), vectors.get(i + 1));
      // A sentence without the kind of answer asked for stays behind by words and by meaning alike.
      double bonus = W_MEANING * cosine * (r.held() ? 1 : UNHELD_SCORE);
      out.set(i, new Ranked(r.passage(), r.span(), r.support(), r.score() + bonus, r.held(), r.names(), r.stems(),
          cosine, r.whole(), r.onSubject()));
    }
    out.subList(0, m).sort(Comparator.comparingDouble(Ranked::score).reversed());
    return out;
  }

  private static List<Ranked> rankByWords(Question question, List<Terms.Token> searched, List<ScoredPassage> passages,
                                          boolean shortSentencesToo) {
    Set<String> own = new HashSet<>();
    for (Terms.Token t : question.terms()) own.add(t.stem());
    Map<String, Double> weights = new HashMap<>();
    Set<String> salient = new HashSet<>();
    for (Terms.Token t : searched) {
      weights.put(t.stem(), 1.0);
      if (t.salient()) salient.add(t.stem());
    }
    if (weights.isEmpty() || passages.isEmpty()) return List.of();

    List<Candidate> candidates = new ArrayList<>();
    List<Set<String>> contextStems = new ArrayList<>();
    List<Set<String>> titleStems = new ArrayList<>();
    for (int i = 0; i < passages.size(); i++) {
      Passage p = passages.get(i).passage();
      Set<String> all = new HashSet<>();
      for (Terms.Token t : Terms.tokens(p.title())) all.add(t.stem());
      titleStems.add(Set.copyOf(all));
      // A report tells of its own year: "And in 2023?" is answered from the articles of 2023.
      List<Terms.Token> year = p.published().map(d -> Terms.tokens(String.valueOf(d.getYear()))).orElse(List.of());
      for (Span span : lines(p.text())) {
        String sentence = span.of(p.text());
        List<Terms.Token> tokens = Terms.tokens(sentence);
        Set<String> stems = new HashSet<>();
        for (Terms.Token t : year) stems.add(t.stem());
        for (Terms.Token t : tokens) stems.add(t.stem());
        all.addAll(stems);
        if (shortSentencesToo || answers(sentence)) candidates.add(new Candidate(i, span, stems, tokens));
      }
      contextStems.add(all);
    }
    if (candidates.isEmpty()) return List.of();

    // Rarity among the candidate sentences: a term in every sentence says little about which one answers.
    // A term no candidate holds gets the weight of the rarest held term: it may be a paraphrase, and
    // its absence alone should not outweigh every term that was found.
    int n = candidates.size();
    double total = 0;
    double ownTotal = 0;
    // What "how many" counts weighs as a name does: "How many firefighters helped?" is about firefighters.
    Optional<String> countedNoun = question.kind() == AnswerKind.QUANTITY ? question.countedNoun() : Optional.empty();
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      long df = candidates.stream().filter(c -> credit(c.stems(), e.getKey()) > 0).count();
      boolean weighty = salient.contains(e.getKey()) || countedNoun.filter(e.getKey()::equals).isPresent();
      double w = Idf.of(Math.max(1, df), n + 1) * (weighty ? SALIENT_WEIGHT : 1.0)
          * (own.contains(e.getKey()) || own.isEmpty() ? 1.0 : CARRIED_WEIGHT);
      e.setValue(w);
      total += w;
      if (own.contains(e.getKey()) || own.isEmpty()) ownTotal += w;
    }

    int count = candidates.size();
    double[] sentenceCovers = new double[count];
    double[] passageCovers = new double[count];
    double[] supports = new double[count];
    boolean[] whole = new boolean[count];
    boolean[] onSubject = new boolean[count];
    List<String> subject = question.subjectTerms().stream().map(Terms.Token::stem).toList();
    List<Set<String>> namesOf = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      Candidate c = candidates.get(k);
      Set<String> names = new HashSet<>();
      whole[k] = !own.isEmpty();
      onSubject[k] = subject.isEmpty() || holdsAny(subject, c.stems(), contextStems.get(c.passage()));
      for (Map.Entry<String, Double> e : weights.entrySet()) {
        boolean mine = own.contains(e.getKey()) || own.isEmpty();
        double inSentence = credit(c.stems(), e.getKey());
        double inContext = credit(contextStems.get(c.passage()), e.getKey());
        // What the sentence is about: the question's names and numbers, and words it carries from earlier questions.
        if ((!mine || salient.contains(e.getKey())) && Math.max(inSentence, inContext) > 0) names.add(e.getKey());
        sentenceCovers[k] += e.getValue() * inSentence / total;
        passageCovers[k] += e.getValue() * inContext / total;
        if (mine && ownTotal > 0) supports[k] += e.getValue() * Math.max(inSentence, CONTEXT_CREDIT * inContext) / ownTotal;
        if (own.contains(e.getKey()) && Math.max(inSentence, inContext) < 1) whole[k] = false;
      }
      namesOf.add(names);
    }

    // When a sentence gives a figure of what "how many" counts, a figure of something else does not answer;
    // but only in a passage about the rest of the question: "85 people spent the night" in a flood report
    // does not tell "How many people voted for the tram?".
    List<String> counted = question.kind() == AnswerKind.QUANTITY ? question.counted() : List.of();
    Set<String> rest = new HashSet<>(own);
    counted.forEach(rest::remove);
    boolean[] counts = new boolean[count];
    boolean anyCounts = false;
    for (int k = 0; k < count && !counted.isEmpty(); k++) {
      Candidate c = candidates.get(k);
      counts[k] = counts(c.tokens(), c.span().of(passages.get(c.passage()).passage().text()), counted, own)
          && (rest.isEmpty() || holdsAny(rest, c.stems(), contextStems.get(c.passage())));
      anyCounts |= counts[k];
    }

    List<Ranked> out = new ArrayList<>(count);
    Predicate<String> holds = question.kind().holder(question.text());
    for (int k = 0; k < count; k++) {
      Candidate c = candidates.get(k);
      String sentence = c.span().of(passages.get(c.passage()).passage().text());
      boolean held = holds.test(sentence) && (!anyCounts || counts[k])
          && (question.kind() != AnswerKind.YES_NO || settles(c.stems(), titleStems.get(c.passage()), own));
      double sentenceCover = sentenceCovers[k];
      double support = supports[k];
      if (held && question.kind() == AnswerKind.REASON) {
        // A reason is usually given just after the fact it explains ("No letter this year. This is because...").
        for (int back = 1; back <= REASON_REACH && k - back >= 0; back++) {
          if (candidates.get(k - back).passage() != c.passage()) break;
          sentenceCover = Math.max(sentenceCover, REASON_CREDIT * sentenceCovers[k - back]);
          support = Math.max(support, REASON_CREDIT * supports[k - back]);
        }
      }
      if (!held) support *= UNHELD_SUPPORT;
      double retrieval = 1.0 / (1 + c.passage());
      double score = W_SENTENCE * sentenceCover + W_PASSAGE * passageCovers[k]
          + W_PROXIMITY * proximity(c.tokens(), weights.keySet()) + W_RETRIEVAL * retrieval;
      if (!held) score *= UNHELD_SCORE;
      out.add(new Ranked(c.passage(), c.span(), support, score, held, namesOf.get(k), c.stems(), 0, whole[k],
          onSubject[k]));
    }
    out.sort(Comparator.comparingDouble(Ranked::score).reversed());
    return out;
  }

  /**
   * Whether a sentence can settle a yes-or-no question: it holds one of the question's terms that its
   * article's headline does not. The headline says what the article is about ("Central library
   * reopens…"); what the question asks of it ("Did the library go over budget?") is in the other
   * terms, and a sentence without any of them only restates the subject.
   */
  private static boolean settles(Set<String> sentence, Set<String> title, Set<String> asked) {
    boolean beyondTitle = false;
    for (String term : asked) {
      if (credit(title, term) > 0) continue;
      beyondTitle = true;
      if (credit(sentence, term) > 0) return true;
    }
    return !beyondTitle;
  }

  /** Whether the sentence of {@code stems}, or its passage and headline ({@code context}), holds one of {@code terms}. */
  private static boolean holdsAny(Collection<String> terms, Set<String> stems, Set<String> context) {
    return terms.stream().anyMatch(t -> Math.max(credit(stems, t), credit(context, t)) > 0);
  }

  /**
   * Whether the sentence gives a figure the question does not hold ("14", "28,000", "seven") with
   * one of the {@code counted} words at most {@link #COUNT_REACH} terms after it ("14 stops",
   * "28,000 passengers a day", "171 of the Boeing planes").
   */
  private static boolean counts(List<Terms.Token> tokens, String sentence, List<String> counted, Set<String> asked) {
    for (int i = 0; i < tokens.size(); i++) {
      Terms.Token t = tokens.get(i);
      if (!AnswerKind.isFigure(t, sentence) || asked.contains(t.stem())) continue;
      for (int j = i + 1; j < tokens.size() && tokens.get(j).position() - t.position() <= COUNT_REACH; j++) {
        Set<String> word = Set.of(tokens.get(j).stem());
        for (String c : counted) if (credit(word, c) > 0) return true;
      }
    }
    return false;
  }

  /**
   * The sentences of a text, cut again at line breaks (a caption line without a full stop is its own
   * sentence): the sentences the reader weighs and quotes.
   */
  public static List<Span> lines(String text) {
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

  /**
   * The sentences of {@code passage} the reader may weigh by meaning, as the texts it embeds: every
   * one of {@link #lines} that {@linkplain #answers can answer}.
   */
  public static List<String> readable(Passage passage) {
    List<String> out = new ArrayList<>();
    for (Span span : lines(passage.text())) {
      String sentence = span.of(passage.text());
      if (answers(sentence)) out.add(sentence);
    }
    return out;
  }

  /**
   * Whether a sentence can answer: {@link #MIN_WORDS} words or more, and not a question the article
   * asks itself ("Who will pay for the bridge?" holds every word of the reader's question and answers nothing).
   */
  private static boolean answers(String sentence) {
    return Terms.wordCount(sentence) >= MIN_WORDS && !ASKS.matcher(sentence).find();
  }

  private static Span trim(String text, int from, int to) {
    while (from < to && Character.isWhitespace(text.charAt(from))) from++;
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) to--;
    return new Span(from, to);
  }

  /** 1 when the matched question terms sit side by side, falling towards 0 as they spread out. */
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
   * 1 when the stems hold the question's term, or a longer or shorter form of it sharing at least
   * six letters ("america" / "american"), or its other Porter stem (the stemmer drops the doubled
   * last letter of "added" and "staffed", not of "add" and "staff"), or its form in "-er" or "-est"
   * ("high" / "highest", "own" / "owner" aside: {@link #MIN_DEGREE_BASE}); {@link #RELATED_CREDIT} when
   * they hold only a word reported in its place ({@link RelatedWords}); else 0.
   */
  static double credit(Set<String> stems, String stem) {
    if (has(stems, stem)) return 1;
    for (String r : RelatedWords.of(stem)) if (stems.contains(r)) return RELATED_CREDIT;
    return 0;
  }

  static boolean has(Set<String> stems, String stem) {
    if (stems.contains(stem)) return true;
    int n = stem.length();
    if (n >= 2 && stems.contains(stem + stem.charAt(n - 1))) return true;
    if (n >= 3 && stem.charAt(n - 1) == stem.charAt(n - 2) && stems.contains(stem.substring(0, n - 1))) return true;
    if (n >= MIN_DEGREE_BASE && (stems.contains(stem + "est") || stems.contains(stem + "er"))) return true;
    for (String degree : new String[] {"est", "er"}) {
      if (n - degree.length() >= MIN_DEGREE_BASE && stem.endsWith(degree)
          && stems.contains(stem.substring(0, n - degree.length()))) {
        return true;
      }
    }
    if (stem.length() < PREFIX_MATCH) return false;
    for (String s : stems) {
      if (s.length() >= PREFIX_MATCH && (s.startsWith(stem) || stem.startsWith(s))) return true;
    }
    return false;
  }
}

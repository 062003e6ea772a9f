package org.newsdesk.retrieval.answer;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.newsdesk.retrieval.ingest.Span;
import org.newsdesk.retrieval.search.RecencyFavour;
import org.newsdesk.retrieval.search.ScoredPassage;

/**
 * The extractive answer: the sentences of the retrieved passages that best answer the question
 * ({@link SentenceRanker}), each followed by the number of its passage. The articles answer when
 * some sentence's support reaches {@code minSupport} or its meaning {@code minMeaning}; when none
 * does, the draft is empty (not found), and so it is when the question asks for an age
 * ({@link AnswerKind#strict()}) and no such sentence tells one.
 *
 * <p>Asked on a known day, the reader favours the news of the days around it: each sentence's score
 * is multiplied by the {@link RecencyFavour} of its article's date before any is chosen, so a
 * report of the week outranks an older one that words the question a little better (a question
 * about this week's storm is answered from this week's reports, not from a storm of years before).
 *
 * <p>When they answer, the best-ranked sentence that answers leads; when the question asks for a
 * name, a time or a figure ({@link AnswerKind#specific()}), the best-ranked sentence that holds one
 * leads though it might not have answered alone (a figure from another article than the answering
 * sentence's only from a passage about the question's subject), others of its article that hold one
 * may follow it, and the best sentence that did answer alone is quoted too when it is about the same
 * names and carried words as the lead. A question about the latest news ("What is the latest on the
 * tram?"), or one that only names a subject ("tram?"), takes its lead from the newest article that
 * answers.
 *
 * <p>Followers must score near the lead (less so when they come from an article of another date:
 * what an earlier or later report said is worth a weaker match, and the answer dates each claim),
 * must hold the asked-for kind when the lead does, must be about the same names and numbers of the
 * question as the lead and the same words carried from earlier questions ("the library" for "How
 * much did it cost?"), must hold a word of the question itself when it comes from another article
 * (of its subject, when it asks a figure: not the "cost" every report of a sum repeats; every word
 * of the question in it, its passage or its headline, when it answers yes or no and the lead does),
 * and must not repeat a chosen sentence. When the chosen sentences come from
 * articles of different dates, the newest leads. When the question asks for a figure and a newer
 * article about it gives one the chosen sentences lack, that sentence is quoted too, and leads: a
 * superseded figure is never the only one given; a follower giving only figures of other measures
 * than the lead's is left out of a quantity answer. A sentence is quoted without the {@link Dateline}
 * that opens a wire report: the answer dates its claims itself.
 */
public final class ExtractiveComposer {
  /** One chosen sentence: passage index (0-based, retrieval order), sentence span within the passage text. */
  public record Pick(int passage, Span span, double support, double score) {}

  /** The draft answer text with {@code [n]} markers (n = 1-based passage index), its picks and best support. */
  public record Draft(List<CitationCheck.Drafted> sentences, List<Pick> picks, double bestSupport, double bestMeaning) {
    public boolean empty() {
      return picks.isEmpty();
    }
  }

  private static final double FOLLOWER_RATIO = 0.75;
  private static final double OTHER_DATE_FOLLOWER_RATIO = 0.6;
  private static final double DUPLICATE_JACCARD = 0.8;
  /** What a newer article's figure must score, of the lead's, to be given beside an older one. */
  private static final double NEWER_FIGURE_RATIO = 0.5;

  private final int maxSentences;
  private final double minSupport;
  private final double minMeaning;
  private final Optional<EmbeddingModel> meaning;
  private final RecencyFavour recency;

  /** Sentences chosen by words only; a sentence answers when its support reaches {@code minSupport}. */
  public ExtractiveComposer(int maxSentences, double minSupport) {
    this(maxSentences, minSupport, 1.0, Optional.empty());
  }

  /**
   * Sentences chosen by words and by meaning, dates left aside: as
   * {@link #ExtractiveComposer(int, double, double, Optional, RecencyFavour)} with {@link RecencyFavour#NONE}.
   */
  public ExtractiveComposer(int maxSentences, double minSupport, double minMeaning, Optional<EmbeddingModel> meaning) {
    this(maxSentences, minSupport, minMeaning, meaning, RecencyFavour.NONE);
  }

  /**
   * Sentences chosen by words and by meaning: {@code meaning} is the model the passages were
   * embedded with. A sentence answers when its support reaches {@code minSupport} or the cosine of
   * its vector and the question's reaches {@code minMeaning}. A question asked on a known day favours
   * the sentences of articles published near it by {@code recency}.
   */
  public ExtractiveComposer(int maxSentences, double minSupport, double minMeaning, Optional<EmbeddingModel> meaning,
                            RecencyFavour recency) {
    if (maxSentences < 1) throw new IllegalArgumentException("maxSentences must be >= 1, got " + maxSentences);
    if (minSupport < 0 || minSupport > 1) throw new IllegalArgumentException("minSupport must be 0..1, got " + minSupport);
    if (minMeaning < 0 || minMeaning > 1) throw new IllegalArgumentException("minMeaning must be 0..1, got " + minMeaning);
    this.maxSentences = maxSentences;
    this.minSupport = minSupport;
    this.minMeaning = minMeaning;
    this.meaning = Objects.requireNonNull(meaning, "meaning");
    this.recency = Objects.requireNonNull(recency, "recency");
  }

  /** The draft for {@code question}, asked on no day in particular: no report is favoured for its nearness to one. */
  public Draft compose(String question, List<ScoredPassage> passages) {
    return compose(question, question, passages, Optional.empty());
  }

  /**
   * The draft for {@code question} asked on {@code askedOn}, the news of the days around it favoured,
   * and perhaps a follow-up: terms of {@code standalone} that the reader's own {@code question} lacks
   * (carried from earlier turns) count less, and only for ranking.
   */
  public Draft compose(String question, String standalone, List<ScoredPassage> passages, LocalDate askedOn) {
    return compose(question, standalone, passages, Optional.of(askedOn));
  }

  private Draft compose(String question, String standalone, List<ScoredPassage> passages,
                        Optional<LocalDate> askedOn) {
    Question own = Question.of(question);
    if (own.kind() == AnswerKind.ANY && !question.equals(standalone)) own = own.asking(AnswerKind.of(standalone));
    // The size a "how" question asks for helps rank sentences, as a word carried from earlier questions does.
    List<Terms.Token> searched = new ArrayList<>(question.equals(standalone) ? own.terms()
        : Question.contentTerms(standalone));
    searched.addAll(own.sizeWords());
    List<SentenceRanker.Ranked> ranked = SentenceRanker.rank(own, searched, passages, false, meaning);
    if (askedOn.isPresent()) ranked = favourRecent(ranked, passages, askedOn.get());
    double best = ranked.stream().mapToDouble(SentenceRanker.Ranked::support).max().orElse(0);
    boolean latest = Question.asksLatest(own.text())
        || (own.kind() == AnswerKind.ANY && Question.namesOnlyASubject(own.text()));
    if (latest) ranked = newestFirstWhenAnswering(ranked, passages);
    boolean strict = own.kind().strict();
    // An age is told in so few ways that one in a report about every term of the question answers it:
    // "How old is the library?" is answered by "The building from 1912…" of the library's reopening.
    Optional<SentenceRanker.Ranked> answering = ranked.stream()
        .filter(s -> strict ? s.held() && (answers(s) || s.whole()) : answers(s)).findFirst();
    if (answering.isEmpty()) return new Draft(List.of(), List.of(), best, meaningOf(ranked));
    SentenceRanker.Ranked shown = answering.get();
    List<SentenceRanker.Ranked> chosen = new ArrayList<>();
    for (SentenceRanker.Ranked s : ranked) {
      if (chosen.size() == maxSentences) break;
      // Once one sentence shows that the articles answer, the best-ranked one that holds the name, time
      // or figure asked for leads, though it might not have answered alone; so may others of its article.
      // A figure from another article than that sentence's must be told in a passage about the question's
      // subject: the tram's "expected to cost 180 million euros" does not tell what the embankments will
      // cost, while a name may lead from a passage that words it otherwise.
      boolean alongLead = chosen.isEmpty() || sameArticle(s, chosen.getFirst(), passages);
      if (!answers(s) && !(alongLead && s.held() && own.kind().specific())) continue;
      if (!answers(s) && chosen.isEmpty() && own.kind().figure() && !s.onSubject()
          && !sameArticle(s, shown, passages)) continue;
      if (strict && !s.held()) continue;
      if (!chosen.isEmpty()) {
        SentenceRanker.Ranked lead = chosen.getFirst();
        if (s.score() < OTHER_DATE_FOLLOWER_RATIO * lead.score()) break;
        if (s.score() < FOLLOWER_RATIO * lead.score() && !newDate(s, chosen, passages)) continue;
        if (lead.held() && !s.held()) continue;
        if (!s.names().containsAll(lead.names())) continue; // about someone or something else
        if (!sameArticle(s, lead, passages) && holdsNoTermOf(own, s)) continue;
        // Whether something is so is settled of the whole subject: "Is the tram over budget?" is not
        // settled by the library's overrun, which only shares the word "budget".
        if (own.kind() == AnswerKind.YES_NO && lead.whole() && !s.whole() && !sameArticle(s, lead, passages)) continue;
        if (own.kind() == AnswerKind.QUANTITY && measuresOther(s, lead, passages)) continue;
      }
      if (chosen.stream().anyMatch(c -> jaccard(c.stems(), s.stems()) >= DUPLICATE_JACCARD)) continue;
      chosen.add(s);
    }
    // The sentence that showed the articles answer is quoted too, when it is about what the lead is about.
    if (!chosen.isEmpty() && chosen.stream().noneMatch(this::answers)
        && shown.names().containsAll(chosen.getFirst().names())
        && chosen.stream().noneMatch(c -> jaccard(c.stems(), shown.stems()) >= DUPLICATE_JACCARD)) {
      if (chosen.size() == maxSentences) chosen.removeLast();
      chosen.add(shown);
    }
    Optional<SentenceRanker.Ranked> newer = own.kind().figure() ? newerFigure(ranked, chosen, passages)
        : Optional.empty();
    if (newer.isPresent()) {
      if (chosen.size() == maxSentences) chosen.removeLast();
      chosen.add(newer.get());
    }
    chosen = newestFirst(chosen, minSupport, passages);
    if (newer.isPresent()) {
      // Newest of all, and it holds what is asked: it leads though its words alone would not answer.
      chosen.remove(newer.get());
      chosen.addFirst(newer.get());
    }
    List<CitationCheck.Drafted> sentences = new ArrayList<>();
    List<Pick> picks = new ArrayList<>();
    for (SentenceRanker.Ranked s : chosen) {
      String text = passages.get(s.passage()).passage().text();
      Span quoted = Dateline.skip(text, s.span());
      sentences.add(new CitationCheck.Drafted(quoted.of(text), List.of(s.passage() + 1)));
      picks.add(new Pick(s.passage(), quoted, s.support(), s.score()));
    }
    return new Draft(sentences, picks, best, meaningOf(ranked));
  }

  /**
   * A superseded figure is never the only one given: when the lead holds the figure asked for and a
   * newer article about the question tells one of the same thing, the best such sentence. "How long
   * is the tram route?" takes the 2023 route of 9.2 kilometres by words; the 2025 report's "…bringing
   * the total to 16 stops over 9.6 kilometres" names neither tram nor route, which its article does.
   * The newer sentence must hold the kind asked for, every term of the question in itself or its
   * article ({@link SentenceRanker.Ranked#whole()}), the lead's names, a figure of the same measure
   * as one of the lead's ({@link #figureUnits}), and score {@link #NEWER_FIGURE_RATIO} of the lead's.
   */
  private static Optional<SentenceRanker.Ranked> newerFigure(List<SentenceRanker.Ranked> ranked,
                                                           List<SentenceRanker.Ranked> chosen,
                                                           List<ScoredPassage> passages) {
    SentenceRanker.Ranked lead = chosen.getFirst();
    if (!lead.held()) return Optional.empty();
    Optional<LocalDate> newestChosen = chosen.stream().map(c -> published(c, passages)).flatMap(Optional::stream)
        .max(Comparator.naturalOrder());
    if (newestChosen.isEmpty()) return Optional.empty();
    return ranked.stream()
        .filter(s -> s.held() && s.whole()
            && s.score() >= NEWER_FIGURE_RATIO * lead.score()
            && published(s, passages).filter(d -> d.isAfter(newestChosen.get())).isPresent()
            && s.names().containsAll(lead.names())
            && !Collections.disjoint(figureUnits(lead, passages), figureUnits(s, passages))
            && chosen.stream().noneMatch(c -> jaccard(c.stems(), s.stems()) >= DUPLICATE_JACCARD))
        .findFirst();
  }

  /**
   * Whether the follower {@code s} gives figures, none of them of a measure the lead's figures give:
   * for "How deep was the water?", a basin's "1.8 million cubic metres of water" beside the gauge's
   * "4.8 metres" is about something else, however new.
   */
  private static boolean measuresOther(SentenceRanker.Ranked s, SentenceRanker.Ranked lead,
                                       List<ScoredPassage> passages) {
    Set<String> leads = figureUnits(lead, passages);
    if (leads.isEmpty()) return false;
    Set<String> units = figureUnits(s, passages);
    return !units.isEmpty() && Collections.disjoint(units, leads);
  }

  /**
   * What the figures of a sentence measure: the term after each ("9.6 kilometres", "16 stops",
   * "180 million euros"); a year or a rank measures nothing. Two sentences whose figures share none
   * give figures of different things.
   */
  private static Set<String> figureUnits(SentenceRanker.Ranked s, List<ScoredPassage> passages) {
    String sentence = s.span().of(passages.get(s.passage()).passage().text());
    List<Terms.Token> tokens = Terms.tokens(sentence);
    Set<String> units = new HashSet<>();
    for (int i = 0; i + 1 < tokens.size(); i++) {
      Terms.Token t = tokens.get(i);
      if (AnswerKind.isFigure(t, sentence) && !AnswerKind.measuresNothing(sentence.substring(t.start(), t.end()))) {
        units.add(tokens.get(i + 1).stem());
      }
    }
    return units;
  }

  /** The sentences with their scores times the {@link RecencyFavour} of their article's date, best first again. */
  private List<SentenceRanker.Ranked> favourRecent(List<SentenceRanker.Ranked> ranked, List<ScoredPassage> passages,
                                                   LocalDate askedOn) {
    if (recency.weight() == 0) return ranked;
    List<SentenceRanker.Ranked> out = new ArrayList<>(ranked.size());
    for (SentenceRanker.Ranked r : ranked) out.add(r.withScore(r.score() * recency.factor(published(r, passages), askedOn)));
    out.sort(Comparator.comparingDouble(SentenceRanker.Ranked::score).reversed());
    return out;
  }

  private static double meaningOf(List<SentenceRanker.Ranked> ranked) {
    return ranked.stream().mapToDouble(SentenceRanker.Ranked::meaning).max().orElse(0);
  }

  /**
   * For a question about the latest news: the sentences of the newest article that has one that
   * answers come first, in their order, then the rest.
   */
  private List<SentenceRanker.Ranked> newestFirstWhenAnswering(List<SentenceRanker.Ranked> ranked,
                                                                List<ScoredPassage> passages) {
    Optional<LocalDate> newest = ranked.stream()
        .filter(this::answers)
        .map(s -> published(s, passages)).flatMap(Optional::stream).max(Comparator.naturalOrder());
    if (newest.isEmpty()) return ranked;
    List<SentenceRanker.Ranked> out = new ArrayList<>(ranked.size());
    for (SentenceRanker.Ranked s : ranked) if (published(s, passages).equals(newest)) out.add(s);
    for (SentenceRanker.Ranked s : ranked) if (!published(s, passages).equals(newest)) out.add(s);
    return out;
  }

  /** Whether a sentence answers at all: support by words or closeness in meaning enough. */
  private boolean answers(SentenceRanker.Ranked s) {
    return s.support() >= minSupport || s.meaning() >= minMeaning;
  }

  /**
   * The chosen sentences, those of newer articles first (undated last); equal dates keep their order.
   * A newer sentence that is only close in meaning (its words short of {@code minSupport}) does not
   * take the lead from one that answers by words: "The flooding of November 2024 also cost the
   * building crews several weeks" must not lead "Who will pay for the flood defences?".
   */
  private static List<SentenceRanker.Ranked> newestFirst(List<SentenceRanker.Ranked> chosen, double minSupport,
                                                         List<ScoredPassage> passages) {
    List<SentenceRanker.Ranked> out = new ArrayList<>(chosen);
    Comparator<SentenceRanker.Ranked> byDate = Comparator.comparing(
        (SentenceRanker.Ranked s) -> published(s, passages), Comparator.comparing(
            (Optional<LocalDate> d) -> d.orElse(LocalDate.MIN)).reversed());
    out.sort(byDate);
    SentenceRanker.Ranked lead = chosen.isEmpty() ? null : chosen.getFirst();
    if (lead != null && lead.support() >= minSupport && out.getFirst().support() < minSupport) {
      out.remove(lead);
      out.addFirst(lead);
    }
    return out;
  }

  private static Optional<LocalDate> published(SentenceRanker.Ranked s, List<ScoredPassage> passages) {
    return passages.get(s.passage()).passage().published();
  }

  private static boolean newDate(SentenceRanker.Ranked s, List<SentenceRanker.Ranked> chosen, List<ScoredPassage> passages) {
    Optional<LocalDate> date = published(s, passages);
    if (date.isEmpty()) return false;
    return chosen.stream().noneMatch(c -> published(c, passages).equals(date));
  }

  /**
   * Whether the sentence holds none of the reader's own question terms, nor a word reported in place
   * of one (of a question about a figure, none of its {@link Question#subjectTerms()}): what it has of
   * the question came from its passage, its headline or the sentence before it. Beside a lead from
   * another article it answers something else ("Why was the reading hall closed?" must not quote a
   * flood report's "because the ground upstream is saturated" that follows "Schools … will stay
   * closed").
   */
  private static boolean holdsNoTermOf(Question question, SentenceRanker.Ranked s) {
    return !question.terms().isEmpty()
        && question.subjectTerms().stream().noneMatch(t -> SentenceRanker.credit(s.stems(), t.stem()) > 0);
  }

  private static boolean sameArticle(SentenceRanker.Ranked a, SentenceRanker.Ranked b, List<ScoredPassage> passages) {
    return passages.get(a.passage()).passage().articleId().equals(passages.get(b.passage()).passage().articleId());
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) return 1;
    int inter = 0;
    for (String s : a) if (b.contains(s)) inter++;
    return (double) inter / (a.size() + b.size() - inter);
  }
}

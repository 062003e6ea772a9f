package org.newsdesk.retrieval.answer;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.newsdesk.config.EditDistance;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.ingest.Span;
import org.newsdesk.retrieval.search.ScoredPassage;

/**
 * Typos in a question, read as the words the retrieved passages hold: "libary hours?", "who is the
 * fire cheif", "Who won the Iowa caucsues?". A question word is taken for a typo when it holds no
 * digit ("COP29" is not "COP27"), is no whole word of the embedding model's vocabulary
 * ({@link KnownWords}) and in none of the passages, and a word of their sentences is within a
 * typo's reach of it ({@link #typo}), written the same way (a name for a name, a plain word for a
 * plain word). Of several such words the closest is taken, then the one the passages use most, in
 * the form they use most. A known word the passages lack ("near", "form") stays as asked: that is a
 * question they may not answer. So does a word that {@link #IN_USE} passages of the collection hold
 * ("spate", "Southgate"): the first search missed them, but the word is no typo.
 */
final class Typos {
  /** A word at least this many passages hold is a word of the collection, however rare elsewhere. */
  static final int IN_USE = 3;

  private Typos() {}

  /**
   * {@code question} with its typos replaced by the words of {@code passages} they stand for;
   * {@code question} itself when it has none. {@code inUse} tells whether {@link #IN_USE} passages of
   * the collection hold a word; it is asked only of a word that would be read as another.
   */
  static String corrected(String question, List<ScoredPassage> passages, Predicate<String> inUse) {
    // Most questions hold only known words: the passages are read for their words only when one is not.
    List<Terms.Token> suspects = Question.contentTerms(question).stream().filter(t -> unknown(t.stem())).toList();
    if (suspects.isEmpty() || passages.isEmpty()) return question;
    Set<String> held = new HashSet<>();
    Map<String, Map<String, Integer>> names = new HashMap<>();
    Map<String, Map<String, Integer>> words = new HashMap<>();
    for (ScoredPassage sp : passages) {
      Passage p = sp.passage();
      for (Terms.Token t : Terms.tokens(p.title())) held.add(t.stem());
      for (Span line : SentenceRanker.lines(p.text())) {
        String sentence = line.of(p.text());
        List<Terms.Token> tokens = Terms.tokens(sentence);
        for (Terms.Token t : tokens) {
          held.add(t.stem());
          if (t.number() || (t == tokens.getFirst() && t.salient())) continue; // a sentence's first word: name or not?
          String surface = sentence.substring(t.start(), t.end());
          (t.salient() ? names : words).computeIfAbsent(t.stem(), s -> new HashMap<>()).merge(surface, 1, Integer::sum);
        }
      }
    }
    int opening = firstLetter(question);
    StringBuilder out = new StringBuilder();
    int last = 0;
    for (Terms.Token t : suspects) {
      String stem = t.stem();
      if (held.contains(stem)) continue;
      String best = null;
      int bestDistance = Integer.MAX_VALUE;
      int bestCount = 0;
      Map<String, Map<String, Integer>> among = new HashMap<>(t.salient() ? names : words);
      // "Libary hours?": capitalised only as the question's first word, so a name or a plain word
      if (t.start() == opening) among.putAll(t.salient() ? words : names);
      for (Map.Entry<String, Map<String, Integer>> e : among.entrySet()) {
        int d = typo(stem, e.getKey());
        if (d < 0 || d > bestDistance) continue;
        int count = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
        if (d < bestDistance || count > bestCount || (count == bestCount && e.getKey().compareTo(best) < 0)) {
          best = e.getKey();
          bestDistance = d;
          bestCount = count;
        }
      }
      if (best == null || inUse.test(question.substring(t.start(), t.end()))) continue;
      String surface = mostUsed(among.get(best));
      if (t.start() == opening) surface = Character.toUpperCase(surface.charAt(0)) + surface.substring(1);
      out.append(question, last, t.start()).append(surface);
      last = t.end();
    }
    return last == 0 ? question : out.append(question.substring(last)).toString();
  }

  /** Whether a question term may be a typo: four letters or more, no digit, no known word. */
  private static boolean unknown(String stem) {
    return stem.length() >= 4 && stem.chars().noneMatch(Character::isDigit) && !KnownWords.has(stem);
  }

  /**
   * The edits between a typed term and a word, when few enough for a typo: two neighbours swapped
   * in a word of four letters, one edit from five letters on, two from eight, and the first letter
   * kept (accents aside), so "unestablished" is never read as "established"; else -1.
   */
  static int typo(String typed, String word) {
    if (typed.isEmpty() || word.isEmpty() || base(typed.charAt(0)) != base(word.charAt(0))) return -1;
    int shorter = Math.min(typed.length(), word.length());
    int allowed = shorter >= 8 ? 2 : shorter >= 5 ? 1 : 0;
    if (Math.abs(typed.length() - word.length()) > allowed) return -1;
    int d = EditDistance.between(typed, word);
    if (d == 0) return -1;
    if (shorter == 4 && d == 1 && swapped(typed, word)) return 1;
    return d <= allowed ? d : -1;
  }

  /** The form a word is written in most often; of equally frequent ones the first in alphabetical order. */
  private static String mostUsed(Map<String, Integer> forms) {
    String best = null;
    int most = 0;
    for (Map.Entry<String, Integer> e : forms.entrySet()) {
      if (e.getValue() > most || (e.getValue() == most && e.getKey().compareTo(best) < 0)) {
        best = e.getKey();
        most = e.getValue();
      }
    }
    return best;
  }

  private static int firstLetter(String text) {
    for (int i = 0; i < text.length(); i++) if (Character.isLetterOrDigit(text.charAt(i))) return i;
    return -1;
  }

  /** A letter without its accent: "ö" is "o". */
  private static char base(char c) {
    return Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).charAt(0);
  }

  private static boolean swapped(String a, String b) {
    int i = 0;
    while (i < a.length() && a.charAt(i) == b.charAt(i)) i++;
    return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
        && a.substring(i + 2).equals(b.substring(i + 2));
  }
}

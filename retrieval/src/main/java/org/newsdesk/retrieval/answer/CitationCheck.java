package org.newsdesk.retrieval.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.ingest.Sentences;
import org.newsdesk.retrieval.ingest.Span;
import org.newsdesk.retrieval.search.ScoredPassage;

/**
 * Checks a drafted answer (the model's reply, or the extractive draft) against the numbered
 * passages it was written from, before anything is shown. A marker pointing at no passage is
 * removed; a sentence is kept only when at least one passage it cites supports it
 * ({@link SupportCheck}); markers of the kept sentences are renumbered in order of first use, one
 * number per article;
 * each citation quotes the passage sentence(s) that best support the sentences citing it,
 * copied from the passage by offsets.
 */
public final class CitationCheck {
  /** A kept answer sentence and the citation numbers (final numbering) it carries. */
  public record Claim(String sentence, List<Integer> cited) {}

  /** The outcome: kept claims, their citations (index n-1 is [n]) and one check per drafted sentence. */
  public record Checked(List<Claim> claims, List<Citation> citations, List<SentenceCheck> checks) {
    public boolean empty() {
      return claims.isEmpty();
    }
  }

  /** A drafted sentence (markers removed) and the passage numbers it cites, as drafted. */
  public record Drafted(String claim, List<Integer> numbers) {
    public Drafted {
      numbers = List.copyOf(numbers);
    }
  }

  private record Use(int passage, Span quote, double support) {}

  private CitationCheck() {}

  /** {@code passages} are numbered from 1 in list order, as the draft cites them. */
  public static Checked check(String draft, List<ScoredPassage> passages) {
    return check(sentences(draft), passages);
  }

  /** As {@link #check(String, List)} for sentences already split from their markers (the extractive draft). */
  public static Checked check(List<Drafted> drafted, List<ScoredPassage> passages) {
    List<SentenceCheck> checks = new ArrayList<>();
    List<Drafted> kept = new ArrayList<>();
    List<List<Use>> keptUses = new ArrayList<>();
    for (Drafted d : drafted) {
      Set<Integer> valid = new LinkedHashSet<>();
      for (int n : d.numbers()) if (n >= 1 && n <= passages.size()) valid.add(n);
      List<Use> uses = new ArrayList<>();
      double best = 0;
      for (int n : valid) {
        SupportCheck.Support s = SupportCheck.support(d.claim(), passages.get(n - 1).passage());
        best = Math.max(best, s.score());
        if (s.score() >= SupportCheck.THRESHOLD) uses.add(new Use(n - 1, s.quote(), s.score()));
      }
      if (uses.isEmpty()) {
        checks.add(new SentenceCheck(d.claim(), List.copyOf(d.numbers()), best, false));
      } else {
        kept.add(d);
        keptUses.add(uses);
        checks.add(null); // filled once the numbering is known
      }
    }

    // One number per article: a caption and the sentence it repeats, or two passages of one report, are one source.
    Map<String, Integer> numberOf = new LinkedHashMap<>();
    Map<String, List<Use>> usesOf = new LinkedHashMap<>();
    List<Claim> claims = new ArrayList<>();
    for (int i = 0; i < kept.size(); i++) {
      List<Integer> cited = new ArrayList<>();
      double support = 0;
      for (Use u : keptUses.get(i)) {
        String article = passages.get(u.passage()).passage().articleId();
        int n = numberOf.computeIfAbsent(article, a -> numberOf.size() + 1);
        if (!cited.contains(n)) cited.add(n);
        usesOf.computeIfAbsent(article, a -> new ArrayList<>()).add(u);
        support = Math.max(support, u.support());
      }
      claims.add(new Claim(kept.get(i).claim(), cited));
      int slot = checks.indexOf(null);
      checks.set(slot, new SentenceCheck(kept.get(i).claim(), cited, support, true));
    }

    List<Citation> citations = new ArrayList<>();
    for (Map.Entry<String, Integer> e : numberOf.entrySet()) {
      List<Use> uses = usesOf.get(e.getKey());
      int first = uses.getFirst().passage();
      ScoredPassage sp = passages.get(first);
      Span q = quote(sp.passage().text(), uses.stream().filter(u -> u.passage() == first).toList());
      Passage p = sp.passage();
      citations.add(new Citation(e.getValue(), p, q.of(p.text()), p.start() + q.start(), p.start() + q.end(), true,
          sp.score()));
    }
    return new Checked(claims, citations, checks);
  }

  /** The quoted span: the supporting sentences when they follow one another, else the best one. */
  private static Span quote(String text, List<Use> uses) {
    List<Span> spans = uses.stream().map(Use::quote).distinct().sorted(Comparator.comparingInt(Span::start)).toList();
    boolean adjacent = true;
    for (int i = 1; i < spans.size() && adjacent; i++) {
      int gapFrom = spans.get(i - 1).end();
      int gapTo = spans.get(i).start();
      adjacent = gapFrom <= gapTo && text.substring(gapFrom, gapTo).isBlank();
    }
    if (adjacent) return new Span(spans.getFirst().start(), spans.getLast().end());
    return uses.stream().max(Comparator.comparingDouble(Use::support)).orElseThrow().quote();
  }

  /** The draft's sentences with their markers; list bullets dropped; a marker cut off by the splitter rejoins its sentence. */
  private static List<Drafted> sentences(String draft) {
    List<Drafted> out = new ArrayList<>();
    for (String line : draft.split("\\R")) {
      String l = line.strip().replaceFirst("^(?:[-*•]+|\\d{1,2}[.)])\\s+", "");
      if (l.isEmpty()) continue;
      for (Span s : Sentences.split(l)) {
        String sentence = s.of(l);
        if (Markers.onlyMarkers(sentence) && !out.isEmpty()) {
          Drafted prev = out.removeLast();
          List<Integer> ns = new ArrayList<>(prev.numbers());
          ns.addAll(Markers.numbers(sentence));
          out.add(new Drafted(prev.claim(), ns));
          continue;
        }
        String claim = Markers.strip(sentence);
        if (claim.isEmpty()) continue;
        out.add(new Drafted(claim, Markers.numbers(sentence)));
      }
    }
    return out;
  }
}

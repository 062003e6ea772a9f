package org.newsdesk.retrieval.answer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.ingest.Span;

/**
 * Whether a passage supports an answer sentence: the share of the sentence's content words
 * (stemmed; names and numbers count double) found in the passage, its headline or its year,
 * halved for every number the passage does not hold. {@link #THRESHOLD} was chosen on SQuAD 2.0
 * (see docs/BENCHMARKS.md): sentences copied from a passage score 1, a sentence from
 * another paragraph of the same Wikipedia article rarely reaches it.
 */
public final class SupportCheck {
  /** Support a sentence needs against one of its cited passages to be kept. */
  public static final double THRESHOLD = 0.6;

  /**
   * A support score and the passage sentence (span of the passage text, less a {@link Dateline}) that
   * best supports the claim.
   */
  public record Support(double score, Span quote) {}

  private SupportCheck() {}

  public static Support support(String claim, Passage passage) {
    List<Terms.Token> claimTokens = Terms.tokens(claim);
    String text = passage.text();
    List<Span> sentences = SentenceRanker.lines(text);
    Span best = sentences.isEmpty() ? new Span(0, text.length()) : sentences.getFirst();
    if (claimTokens.isEmpty()) return new Support(0, best);

    Set<String> available = stems(passage.title() + " " + text);
    passage.published().ifPresent(d -> available.add(Integer.toString(d.getYear())));
    double total = 0;
    double found = 0;
    int missingNumbers = 0;
    Set<String> claimStems = new HashSet<>();
    for (Terms.Token t : claimTokens) {
      if (!claimStems.add(t.stem())) continue;
      double w = t.salient() ? 2 : 1;
      total += w;
      if (available.contains(t.stem())) found += w;
      else if (t.number()) missingNumbers++;
    }
    double score = found / total;
    for (int i = 0; i < missingNumbers; i++) score /= 2;

    double bestOverlap = -1;
    for (Span s : sentences) {
      Set<String> sentenceStems = stems(s.of(text));
      double overlap = 0;
      for (Terms.Token t : claimTokens) if (sentenceStems.contains(t.stem())) overlap += t.salient() ? 2 : 1;
      if (overlap > bestOverlap) {
        bestOverlap = overlap;
        best = s;
      }
    }
    return new Support(score, Dateline.skip(text, best));
  }

  private static Set<String> stems(String text) {
    Set<String> out = new HashSet<>();
    for (Terms.Token t : Terms.tokens(text)) out.add(t.stem());
    return out;
  }
}

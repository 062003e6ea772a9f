package org.newsdesk.bench.answers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.newsdesk.bench.retrieval.Table;
import org.newsdesk.retrieval.answer.ExtractiveComposer;

/**
 * How "not found" would fall for pairs of thresholds. The extractive answer is not found when no
 * sentence it reads reaches {@code newsdesk.answer.min-support} by words nor
 * {@code newsdesk.answer.min-meaning} by meaning, that is when the draft's best support and best
 * meaning ({@link ExtractiveComposer.Draft#bestSupport()}, {@link ExtractiveComposer.Draft#bestMeaning()})
 * are both below theirs; so one draft per question, made with no threshold, gives its fate under
 * every pair. (The citation check can still empty a draft that passes; the answerer's own count at
 * the configured pair is reported beside the grid.)
 */
public final class NotFoundGrid {
  /** A question's best sentence by words and by meaning, and whether it should be answered not-found. */
  public record Reading(double bestSupport, double bestMeaning, boolean shouldNotFind) {
    public static Reading of(ExtractiveComposer.Draft draft, boolean shouldNotFind) {
      return new Reading(draft.bestSupport(), draft.bestMeaning(), shouldNotFind);
    }

    public boolean notFound(double minSupport, double minMeaning) {
      return bestSupport < minSupport && bestMeaning < minMeaning;
    }
  }

  static final double[] SUPPORTS = {0.5, 0.6, 0.7, 0.8};
  static final double[] MEANINGS = {0.6, 0.7, 0.75, 0.8, 1.0};

  private NotFoundGrid() {}

  /**
   * The grid's table: SQuAD's readings ({@code shouldNotFind} = unanswerable) and the seeds' (= off
   * topic), a row per pair of {@link #SUPPORTS} × {@link #MEANINGS} plus the configured pair, which
   * is in bold.
   */
  public static String table(List<Reading> squad, List<Reading> seeds, double configuredSupport, double configuredMeaning) {
    TreeSet<Double> supports = new TreeSet<>();
    TreeSet<Double> meanings = new TreeSet<>();
    for (double s : SUPPORTS) supports.add(s);
    for (double m : MEANINGS) meanings.add(m);
    supports.add(configuredSupport);
    meanings.add(configuredMeaning);
    long unanswerable = squad.stream().filter(Reading::shouldNotFind).count();
    long answerable = squad.size() - unanswerable;
    long seedAnswerable = seeds.stream().filter(r -> !r.shouldNotFind()).count();
    long seedOffTopic = seeds.size() - seedAnswerable;
    List<String[]> rows = new ArrayList<>();
    for (double s : supports) {
      for (double m : meanings) {
        long notFound = squad.stream().filter(r -> r.notFound(s, m)).count();
        long rightlyNotFound = squad.stream().filter(r -> r.shouldNotFind() && r.notFound(s, m)).count();
        long answered = squad.stream().filter(r -> !r.shouldNotFind() && !r.notFound(s, m)).count();
        long seedsAnswered = seeds.stream().filter(r -> !r.shouldNotFind() && !r.notFound(s, m)).count();
        long seedsNotFound = seeds.stream().filter(r -> r.shouldNotFind() && r.notFound(s, m)).count();
        boolean configured = s == configuredSupport && m == configuredMeaning;
        String[] row = {fixed(s), m >= 1.0 ? fixed(m) + " (words only)" : fixed(m), ratio(rightlyNotFound, notFound),
            ratio(rightlyNotFound, unanswerable), ratio(answered, answerable), seedsAnswered + " / " + seedAnswerable,
            seedsNotFound + " / " + seedOffTopic};
        if (configured) for (int i = 0; i < row.length; i++) row[i] = "**" + row[i] + "**";
        rows.add(row);
      }
    }
    return Table.markdown(new String[] {"min-support", "min-meaning", "not-found precision", "not-found recall",
        "answerable answered", "seeds: answerable answered", "seeds: off-topic not found"}, rows);
  }

  private static String fixed(double x) {
    return String.format(Locale.ROOT, "%.2f", x);
  }

  private static String ratio(long n, long of) {
    return String.format(Locale.ROOT, "%.3f", of == 0 ? 0.0 : (double) n / of);
  }
}

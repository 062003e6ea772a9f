package org.newsdesk.bench.rtqa;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.newsdesk.bench.retrieval.Table;

/**
 * The rtqa benchmark's tables, one per measure with a row per variant, and under retrieval and
 * answers the reference figures of {@code eval/rtqa-2024/README.md}, which were measured elsewhere
 * (on the whole set, by other code) and are printed as the README gives them.
 */
final class RtqaTables {
  private static final String NONE = "—";
  /** In place of a build's wall time: the variant was asked over its last build ({@code --keep-index}). */
  private static final String KEPT = "kept";
  private static final String REFERENCE = " (reference*)";
  /** Under a table with reference rows. */
  static final String REFERENCE_NOTE = "* measured elsewhere, not by this command: eval/rtqa-2024/README.md, all 1,023"
      + " questions over all articles\n";

  private RtqaTables() {}

  static String indexing(List<VariantResult> results) {
    List<String[]> rows = new ArrayList<>();
    for (VariantResult r : results) {
      rows.add(new String[] {r.variant().name(), count(r.articles()), count(r.passages()),
          Double.isNaN(r.indexSeconds()) ? KEPT : fixed(r.indexSeconds(), 1),
          count(r.embedded()), count(r.sentences()), count(r.reused()),
          r.embedded() == 0 ? NONE : String.format(Locale.ROOT, "%,.1f", r.embedded() / r.indexSeconds()),
          fixed(r.unchangedSeconds(), 2), r.peakRssKib().isPresent()
              ? String.format(Locale.ROOT, "%,d%s", r.peakRssKib().getAsLong() / 1024, r.peakSinceStart() ? " (since start)" : "")
              : NONE});
    }
    return Table.markdown(new String[] {"variant", "articles", "passages", "index wall s", "embedded", "sentences embedded", "reused",
        "embedded/s", "unchanged reindex s", "peak RSS MiB"}, rows);
  }

  static String retrieval(List<VariantResult> results) {
    List<String[]> rows = new ArrayList<>();
    for (VariantResult r : results) {
      rows.add(new String[] {r.variant().name(), count(r.questions()), ratio(r.recall()[0]), ratio(r.recall()[1]),
          ratio(r.recall()[2]), fixed(r.query()[0], 2), fixed(r.query()[1], 2)});
    }
    rows.add(new String[] {"plain BM25, 150-word windows" + REFERENCE, "1,023", "0.282", "0.475", "0.539", NONE, NONE});
    rows.add(new String[] {"Newsdesk at accb46f" + REFERENCE, "1,023", "0.243", "0.431", "0.501", NONE, NONE});
    return Table.markdown(new String[] {"variant", "questions", "R@1", "R@5", "R@10", "query p50 ms", "query p99 ms"},
        rows) + REFERENCE_NOTE;
  }

  static String answers(List<VariantResult> results) {
    List<String[]> rows = new ArrayList<>();
    for (VariantResult r : results) {
      double n = r.questions();
      rows.add(new String[] {r.variant().name(), count(r.questions()), ratio(r.answered() / n), ratio(r.gold() / n),
          ratio(r.quoted() / n), ratio(r.wrong() / n), fixed(r.ask()[0], 2), fixed(r.ask()[1], 2)});
    }
    rows.add(new String[] {"Newsdesk at accb46f, extractive" + REFERENCE, "1,023", "0.425", "0.131", "0.129", NONE, NONE,
        NONE});
    return Table.markdown(new String[] {"variant", "questions", "answered", "gold", "quoted", "wrong", "ask p50 ms",
        "ask p99 ms"}, rows) + REFERENCE_NOTE;
  }

  /** Each variant's settings, as given. */
  static String variants(List<VariantResult> results) {
    StringBuilder sb = new StringBuilder();
    for (VariantResult r : results) {
      sb.append("- ").append(r.variant().name()).append(": ").append(r.variant().describe()).append('\n');
    }
    return sb.toString();
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String ratio(double x) {
    return String.format(Locale.ROOT, "%.3f", x);
  }

  private static String fixed(double x, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", x);
  }
}

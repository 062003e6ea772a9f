package org.newsdesk.bot.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsdesk.bot.review.QuestionGroups.Phrasing;

/**
 * The similarity at which the insights page counts two phrasings as one need, measured with the
 * real model on hand-made paraphrases and near misses (test resources {@code insights/}): pairwise
 * precision (two phrasings grouped together are one need) and recall (two phrasings of one need
 * are grouped together).
 */
class QuestionGroupsSimilarityTest {
  private record Labelled(List<Phrasing> phrasings, Map<Phrasing, Integer> need) {}

  private record Score(double precision, double recall) {
    double f05() {
      return 1.25 * precision * recall / (0.25 * precision + recall);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "P %.3f R %.3f F0.5 %.3f", precision, recall, f05());
    }
  }

  @Test
  void should_keep_needs_apart_and_their_phrasings_together_at_the_chosen_similarity() throws IOException {
    Labelled tuning = load("paraphrases-tuning.txt");
    Labelled heldOut = load("paraphrases-held-out.txt");

    Score onTuning = score(tuning, QuestionGroups.SIMILARITY);
    Score onHeldOut = score(heldOut, QuestionGroups.SIMILARITY);

    assertThat(onTuning.precision()).as("tuning %s", onTuning).isGreaterThanOrEqualTo(0.89);
    assertThat(onTuning.recall()).as("tuning %s", onTuning).isGreaterThanOrEqualTo(0.82);
    assertThat(onHeldOut.precision()).as("held out %s", onHeldOut).isGreaterThanOrEqualTo(0.95);
    assertThat(onHeldOut.recall()).as("held out %s", onHeldOut).isGreaterThanOrEqualTo(0.73);
  }

  @Test
  void should_be_the_best_similarity_of_the_sweep_on_the_tuning_set() throws IOException {
    Labelled tuning = load("paraphrases-tuning.txt");
    Labelled heldOut = load("paraphrases-held-out.txt");
    StringBuilder table = new StringBuilder("\nsimilarity | tuning | held out\n");
    double best = 0;
    for (int s = 70; s <= 90; s++) {
      Score t = score(tuning, s / 100.0);
      best = Math.max(best, t.f05());
      table.append(String.format(Locale.ROOT, "%.2f | %s | %s%n", s / 100.0, t, score(heldOut, s / 100.0)));
    }

    assertThat(score(tuning, QuestionGroups.SIMILARITY).f05()).as(table.toString()).isGreaterThanOrEqualTo(best);
  }

  @Test
  void should_group_three_phrasings_of_the_tram_opening_and_leave_the_library_cost_apart() {
    List<Phrasing> phrasings = new ArrayList<>();
    for (String q : List.of("when does the tram open", "tram opening date?", "When will trams start running?",
        "how much did the library cost")) {
      phrasings.add(new Phrasing(q, 1, Bge.vector(q)));
    }

    List<List<Phrasing>> groups = QuestionGroups.group(phrasings, QuestionGroups.SIMILARITY);

    assertThat(groups).extracting(g -> g.stream().map(Phrasing::asked).sorted().toList()).containsExactly(
        List.of("When will trams start running?", "tram opening date?", "when does the tram open"),
        List.of("how much did the library cost"));
  }

  private static Score score(Labelled set, double similarity) {
    Map<Phrasing, Integer> group = new HashMap<>();
    List<List<Phrasing>> groups = QuestionGroups.group(set.phrasings(), similarity);
    for (int g = 0; g < groups.size(); g++) {
      for (Phrasing p : groups.get(g)) group.put(p, g);
    }
    long together = 0, wronglyTogether = 0, wronglyApart = 0;
    List<Phrasing> all = set.phrasings();
    for (int i = 0; i < all.size(); i++) {
      for (int j = i + 1; j < all.size(); j++) {
        boolean sameNeed = set.need().get(all.get(i)).equals(set.need().get(all.get(j)));
        boolean grouped = group.get(all.get(i)).equals(group.get(all.get(j)));
        if (sameNeed && grouped) together++;
        else if (grouped) wronglyTogether++;
        else if (sameNeed) wronglyApart++;
      }
    }
    return new Score(together + wronglyTogether == 0 ? 1 : (double) together / (together + wronglyTogether),
        (double) together / (together + wronglyApart));
  }

  /** Blocks of phrasings separated by blank lines, one need each; {@code #} lines are comments. */
  private static Labelled load(String name) throws IOException {
    String text;
    try (InputStream in = QuestionGroupsSimilarityTest.class.getResourceAsStream("/insights/" + name)) {
      assertThat(in).as(name).isNotNull();
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Phrasing> phrasings = new ArrayList<>();
    Map<Phrasing, Integer> need = new HashMap<>();
    int block = 0;
    boolean open = false;
    for (String line : text.split("\n")) {
      if (line.startsWith("#")) continue;
      if (line.isBlank()) {
        if (open) block++;
        open = false;
        continue;
      }
      Phrasing p = new Phrasing(line.strip(), 1, Bge.vector(line.strip()));
      phrasings.add(p);
      need.put(p, block);
      open = true;
    }
    return new Labelled(phrasings, need);
  }
}

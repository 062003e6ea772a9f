package org.newsdesk.retrieval.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.search.ScoredPassage;

class SentenceRankerTest {
  private static final Passage FLOOD = new Passage("flood", 0, "River floods the lower town",
      "The river rose two metres overnight. Fire chief Anna Reyes said sixty firefighters worked through the night. "
          + "The tram depot stayed dry, the transport office said.",
      Optional.empty(), Optional.empty(), Optional.empty(), 0, 160);

  @ParameterizedTest
  @CsvSource({
      "tarm, tram, 1",
      "coot, cost, -1",
      "cheif, chief, 1",
      "libari, librari, 1",
      "zelenskyy, zelensky, 1",
      "goverment, government, 1",
      "wreck, wrecked, -1",
      "unestablish, establish, -1",
      "ogedei, ögedei, 1",
      "tram, tram, -1"})
  void should_take_a_term_for_a_typo_of_a_word_only_within_a_typo_s_reach(String typed, String word, int edits) {
    assertThat(SentenceRanker.typo(typed, word)).isEqualTo(edits);
  }

  @Test
  void should_read_a_mistyped_word_as_the_word_the_passages_hold() {
    Question q = Question.of("Who is the fire cheif?");

    List<SentenceRanker.Ranked> ranked = SentenceRanker.rank(q, q.terms(), List.of(new ScoredPassage(FLOOD, 1f)), false);

    assertThat(ranked.getFirst().span().of(FLOOD.text())).startsWith("Fire chief Anna Reyes");
    assertThat(ranked.getFirst().support()).isEqualTo(1.0);
  }

  @Test
  void should_leave_a_known_word_the_passages_lack_as_asked() {
    Question q = Question.of("Who is the fire chef?");

    List<SentenceRanker.Ranked> ranked = SentenceRanker.rank(q, q.terms(), List.of(new ScoredPassage(FLOOD, 1f)), false);

    assertThat(ranked).allSatisfy(r -> assertThat(r.support()).isLessThan(0.55));
  }
}

package org.newsdesk.retrieval.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.search.ScoredPassage;

class TyposTest {
  private static final String TEXT = "The river rose two metres overnight at COP27. Fire chief Anna Reyes said sixty "
      + "firefighters worked through the night. The tram depot stayed dry, the transport office said. Staff at the "
      + "central library moved the archive.";
  private static final Passage FLOOD = new Passage("flood", 0, "River floods the lower town", TEXT,
      Optional.empty(), Optional.empty(), Optional.empty(), 0, TEXT.length());

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
    assertThat(Typos.typo(typed, word)).isEqualTo(edits);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Who is the fire cheif? | Who is the fire chief?",
      "libary archive? | Library archive?",
      "Did the tarm depot flood? | Did the tram depot flood?",
      "Who is Ana Reyes? | Who is Ana Reyes?",
      "Who is the fire chef? | Who is the fire chef?",
      "Did the river rise near the depot? | Did the river rise near the depot?",
      "How many firefightrs worked in 2024? | How many firefighters worked in 2024?",
      "Did the tram depot flood at COP29? | Did the tram depot flood at COP29?"})
  void should_read_a_mistyped_word_as_the_word_the_passages_hold_and_leave_known_words_as_asked(String asked,
                                                                                               String read) {
    assertThat(Typos.corrected(asked, List.of(new ScoredPassage(FLOOD, 1f)), word -> false)).isEqualTo(read);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Who is the fire cheif? | cheif | Who is the fire cheif?",
      "Who is the fire cheif? | fire | Who is the fire chief?",
      "Did the tarm depot flood? | tarm | Did the tarm depot flood?"})
  void should_leave_a_word_the_collection_uses_as_asked(String asked, String used, String read) {
    assertThat(Typos.corrected(asked, List.of(new ScoredPassage(FLOOD, 1f)), used::equals)).isEqualTo(read);
  }
}

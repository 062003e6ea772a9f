package org.newsdesk.retrieval.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkersTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "The bridge will cost 40 million euros. | The bridge will cost 40 million euros [1].",
      "Is it open? | Is it open [1]?",
      "Putin said: “It takes one to know one.” | Putin said: “It takes one to know one.” [1]",
      "Ambassador summoned to the Kremlin | Ambassador summoned to the Kremlin [1].",
  })
  void should_place_the_marker_before_the_full_stop_and_end_a_caption_line_with_one(String sentence, String expected) {
    assertThat(Markers.attach(sentence, List.of(1))).isEqualTo(expected);
  }
}

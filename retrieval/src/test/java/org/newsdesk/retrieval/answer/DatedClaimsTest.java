package org.newsdesk.retrieval.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsdesk.retrieval.Passage;

class DatedClaimsTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "The course starts in spring. | In 2024, the course starts in spring [1].",
      "Beyoncé Knowles-Carter will teach. | In 2024, Beyoncé Knowles-Carter will teach [1].",
      "Las Vegas: the title went to a newcomer. | In 2024, Las Vegas: the title went to a newcomer [1].",
      "NASA will launch the probe. | In 2024, NASA will launch the probe [1].",
      "One new bar opened in Dover. | In 2024, one new bar opened in Dover [1]."})
  void should_lower_the_first_word_after_the_date_unless_it_is_a_name(String sentence, String rendered) {
    Passage newer = Fixtures.passage("newer", "Course news", sentence, Optional.of(LocalDate.of(2024, 5, 2)),
        Optional.empty(), 0);
    Passage older = Fixtures.passage("older", "Older news", "The course was first planned.",
        Optional.of(LocalDate.of(2022, 1, 9)), Optional.empty(), 0);
    List<Citation> citations = List.of(new Citation(1, newer, sentence, 0, sentence.length(), true, 1f),
        new Citation(2, older, "The course was first planned.", 0, 29, true, 1f));

    String text = DatedClaims.render(List.of(new CitationCheck.Claim(sentence, List.of(1))), citations);

    assertThat(text).isEqualTo(rendered);
  }
}

package org.newsdesk.retrieval.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsdesk.retrieval.ingest.Span;

/** Which openings of a sentence are a wire report's dateline. */
class DatelineTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "WASHINGTON (AP) — The Senate voted. | The Senate voted.",
      "NEW YORK – Shares fell. | Shares fell.",
      "LOS ANGELES − \"Instigators\" were blamed. | \"Instigators\" were blamed.",
      "BANGUI, Central African Republic (AP) — The vote was postponed. | The vote was postponed.",
      "WASHINGTON, DC - A storm hit. | A storm hit.",
      "NATO — the alliance — met on Monday. | NATO — the alliance — met on Monday.",
      "U.S. – China talks resumed. | U.S. – China talks resumed.",
      "The council met – Mayor Ruth Ahl said so. | The council met – Mayor Ruth Ahl said so."})
  void should_take_only_a_dateline_off_a_sentence(String sentence, String quoted) {
    // when
    Span span = Dateline.skip(sentence, new Span(0, sentence.length()));

    // then
    assertThat(span.of(sentence)).isEqualTo(quoted);
  }
}

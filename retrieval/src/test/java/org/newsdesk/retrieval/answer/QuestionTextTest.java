package org.newsdesk.retrieval.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuestionTextTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Hi! Who is the head librarian? | Who is the head librarian?",
      "Thanks! And who is the fire chief? | And who is the fire chief?",
      "wen will the tram open | when will the tram open",
      "Wat did the mayor say? | What did the mayor say?",
      "hi, whn does the library open? | when does the library open?",
      "and wen? | and when?",
      "Wendy Lo, who is she? | Wendy Lo, who is she?",
      "Did the wen grow? | Did the wen grow?"})
  void should_leave_only_the_question_with_a_mistyped_opening_question_word_read_as_meant(String typed, String question) {
    assertThat(QuestionText.clean(typed)).isEqualTo(question);
  }
}

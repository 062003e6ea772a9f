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
      "Did the wen grow? | Did the wen grow?",
      "WHEN WILL THE TRAM OPEN?? | when will the tram open??",
      "Who hosts COP29 and NATO? | Who hosts COP29 and NATO?",
      "NATO? | NATO?",
      "When will the tram open? \uD83D\uDE8B | When will the tram open?",
      "tram \uD83D\uDE8B when? | tram when?",
      "\uD83D\uDC4D\uD83C\uDFFD Thanks! Who is the fire chief? | Who is the fire chief?",
      "Is \u2764\uFE0F the library open? | Is the library open?"})
  void should_leave_only_the_question_with_a_mistyped_opening_question_word_read_as_meant(String typed, String question) {
    assertThat(QuestionText.clean(typed)).isEqualTo(question);
  }
}

package org.newsdesk.retrieval.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerTypeTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "When will the tram open? | TIME",
      "In what year did the bridge close? | TIME",
      "How many homes were evacuated? | QUANTITY",
      "How much will the line cost? | QUANTITY",
      "Who is the project director? | ANY",
      "What did Peskov say about Kaliningrad? | ANY",
  })
  void should_read_the_kind_of_answer_from_the_question_wording(String question, AnswerType expected) {
    assertThat(AnswerType.of(question)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "TIME | When will the tram open? | The first trams should run in the autumn of 2026. | true",
      "TIME | When will the tram open? | The council approved the tram on Tuesday evening. | false",
      "TIME | When did the 2014 bridge plan fail? | The 2014 plan was dropped by the council. | false",
      "QUANTITY | How many homes were evacuated? | About 240 homes were evacuated overnight. | true",
      "QUANTITY | How many homes were evacuated? | Homes in the lower town were evacuated. | false",
      "QUANTITY | How many stops does the line have? | The line will have fourteen stops. | true",
  })
  void should_hold_the_kind_only_with_an_expression_the_question_lacks(AnswerType type, String question,
                                                                       String sentence, boolean held) {
    assertThat(type.heldBy(sentence, question)).isEqualTo(held);
  }
}

package org.newsdesk.retrieval.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FollowUpQueryTransformerTest {
  @Test
  void should_carry_the_previous_key_words_when_the_question_leans_on_a_pronoun() {
    String q = FollowUpQueryTransformer.standalone("What did he say about Kaliningrad?",
        List.of("What did Peskov say about the blockade?"));

    assertThat(q).isEqualTo("What did he say about Kaliningrad? Peskov blockade");
  }

  @Test
  void should_carry_the_previous_key_words_when_the_question_is_very_short() {
    assertThat(FollowUpQueryTransformer.standalone("And Poland?", List.of("Who hosted the NATO summit?")))
        .isEqualTo("And Poland? Who hosted NATO summit");
  }

  @Test
  void should_ask_what_the_question_before_asked_when_a_follow_up_asks_nothing_of_its_own() {
    assertThat(FollowUpQueryTransformer.standalone("And in 2023?", List.of("When will the tram open?")))
        .isEqualTo("And in 2023? When tram open");
    assertThat(FollowUpQueryTransformer.standalone("What about the tram?",
        List.of("How much did the library renovation cost?")))
        .isEqualTo("What about the tram? How much library renovation cost");
    assertThat(FollowUpQueryTransformer.standalone("And in 2023?", List.of("when will the tram open?")))
        .isEqualTo("And in 2023? When tram open");
    assertThat(FollowUpQueryTransformer.standalone("And why?", List.of("When will the tram open?")))
        .isEqualTo("And why? tram open");
    assertThat(FollowUpQueryTransformer.standalone("And in 2024?", List.of("How deep was the river?")))
        .isEqualTo("And in 2024? How deep river");
  }

  @Test
  void should_leave_a_question_alone_when_it_stands_on_its_own() {
    assertThat(FollowUpQueryTransformer.standalone("Where did Biden travel for the NATO meeting?",
        List.of("What did Peskov say about the blockade?")))
        .isEqualTo("Where did Biden travel for the NATO meeting?");
  }

  @Test
  void should_resolve_a_chain_of_follow_ups_from_the_first_standalone_question() {
    assertThat(FollowUpQueryTransformer.standalone("And what about Kharkiv there?",
        List.of("What did Peskov say about the war?", "Did he mention Donetsk?")))
        .isEqualTo("And what about Kharkiv there? Donetsk Peskov war");
  }
}

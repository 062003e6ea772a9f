package org.newsdesk.retrieval.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {

  private static List<String> sentences(String text) {
    return Sentences.split(text).stream().map(s -> s.of(text)).toList();
  }

  @Test
  void should_split_at_periods_question_and_exclamation_marks() {
    assertThat(sentences("The tram is late. Why? Nobody knows! The council meets today."))
        .containsExactly("The tram is late.", "Why?", "Nobody knows!", "The council meets today.");
  }

  @Test
  void should_not_split_after_titles_and_initials() {
    assertThat(sentences("Mr. Brandt met Dr. Olsen and Gen. J. R. Smith at St. Mary's. They agreed."))
        .containsExactly("Mr. Brandt met Dr. Olsen and Gen. J. R. Smith at St. Mary's.", "They agreed.");
  }

  @Test
  void should_not_split_after_dotted_acronyms_unless_a_sentence_opener_follows() {
    assertThat(sentences("The U.S. President spoke to the U.N. Security Council. He left for the U.S. The trip ended."))
        .containsExactly("The U.S. President spoke to the U.N. Security Council.", "He left for the U.S.",
            "The trip ended.");
  }

  @Test
  void should_keep_decimals_dates_and_links_whole() {
    assertThat(sentences("Costs rose 3.2 percent on Jan. 5 to 236.5 million, see example.org for details. Done."))
        .containsExactly("Costs rose 3.2 percent on Jan. 5 to 236.5 million, see example.org for details.", "Done.");
  }

  @Test
  void should_keep_news_abbreviations_inside_the_sentence_when_a_number_name_or_lower_case_word_follows() {
    assertThat(sentences("It was item No. 3 on the list. No. The answer is no."))
        .containsExactly("It was item No. 3 on the list.", "No.", "The answer is no.");
    assertThat(sentences("Gov. Newsom signed the bill Sept. 30. The meeting is at 5 p.m. on Friday. Acme Inc. said so."))
        .containsExactly("Gov. Newsom signed the bill Sept. 30.", "The meeting is at 5 p.m. on Friday.", "Acme Inc. said so.");
    assertThat(sentences("\"Stop!\" he shouted. Washington, D.C. is the capital."))
        .containsExactly("\"Stop!\" he shouted.", "Washington, D.C. is the capital.");
  }

  @Test
  void should_keep_closing_quotes_with_the_sentence() {
    assertThat(sentences("He said it was \u201Con the verge of a breakup.\u201D Ryabkov agreed. 'No,' she said. 'Never.' End."))
        .containsExactly("He said it was \u201Con the verge of a breakup.\u201D", "Ryabkov agreed.", "'No,' she said.",
            "'Never.'", "End.");
  }

  @Test
  void should_not_split_when_the_next_word_is_lower_case() {
    assertThat(sentences("\u201CWhy?\u201D he asked. She hoped that \u2026 ties would improve. Wait... Then it came."))
        .containsExactly("\u201CWhy?\u201D he asked.", "She hoped that \u2026 ties would improve.", "Wait...",
            "Then it came.");
  }

  @Test
  void should_split_at_blank_lines_when_a_paragraph_has_no_final_punctuation() {
    assertThat(sentences("A caption without a period\n\nThe story starts here. It goes on."))
        .containsExactly("A caption without a period", "The story starts here.", "It goes on.");
  }

  @Test
  void should_return_spans_that_cover_every_non_space_character_when_text_is_messy() {
    String text = "  ... ?!  \u00A0 a.b.c. \"\" Mr. \n\n  ) ok.  ";
    List<Span> spans = Sentences.split(text);
    StringBuilder covered = new StringBuilder();
    for (Span s : spans) {
      assertThat(s.end()).isGreaterThan(s.start());
      assertThat(Text.isSpace(text.charAt(s.start()))).isFalse();
      assertThat(Text.isSpace(text.charAt(s.end() - 1))).isFalse();
      covered.append(s.of(text));
    }
    assertThat(covered.toString().replaceAll("[\\s\u00A0]", "")).isEqualTo(text.replaceAll("[\\s\u00A0]", ""));
  }

  @Test
  void should_return_nothing_when_text_is_blank() {
    assertThat(Sentences.split("")).isEmpty();
    assertThat(Sentences.split(" \n\n \t")).isEmpty();
  }
}

package org.newsdesk.retrieval.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

  @Test
  void should_end_the_opening_at_the_last_word_it_keeps_with_the_text_s_own_spacing() {
    assertThat(Text.opening("The tram opens.\n\nIt was late in spring.", 4)).isEqualTo("The tram opens.\n\nIt");
    assertThat(Text.opening("one  two three", 2)).isEqualTo("one  two");
  }

  @Test
  void should_give_the_whole_text_when_it_has_no_more_words_than_asked() {
    assertThat(Text.opening("one two three", 3)).isEqualTo("one two three");
    assertThat(Text.opening("one two", 5)).isEqualTo("one two");
  }

  @Test
  void should_cut_a_span_of_words_from_the_first_character_of_the_first_to_the_last_of_the_last() {
    assertThat(Text.words("one two\n\nthree  four five", 1, 4)).isEqualTo("two\n\nthree  four");
    assertThat(Text.words(" one two", 0, 1)).isEqualTo("one");
    assertThat(Text.words("one two three", 2, 10)).isEqualTo("three");
    assertThat(Text.words("one two", 2, 4)).isEmpty();
  }
}

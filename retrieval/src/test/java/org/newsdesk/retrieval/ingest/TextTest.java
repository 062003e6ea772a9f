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
}

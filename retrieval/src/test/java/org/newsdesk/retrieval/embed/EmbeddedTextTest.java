package org.newsdesk.retrieval.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.newsdesk.retrieval.Passage;

class EmbeddedTextTest {

  @Test
  void should_give_the_model_the_headline_and_the_whole_text_of_a_short_passage() {
    assertThat(EmbeddedText.of(passage("Tram delayed", "The tram opens in spring.")))
        .isEqualTo("Tram delayed\nThe tram opens in spring.");
  }

  @Test
  void should_give_the_model_the_headline_and_only_the_opening_words_of_a_long_passage() {
    String text = words(1, 200);

    assertThat(EmbeddedText.of(passage("Long story", text)))
        .isEqualTo("Long story\n" + words(1, EmbeddedText.WORDS));
  }

  @Test
  void should_keep_the_vector_key_when_only_words_the_model_never_reads_change() {
    Passage before = passage("Long story", words(1, 200));
    Passage after = passage("Long story", words(1, 160) + " changed ending");

    assertThat(EmbeddedText.hash(after)).isEqualTo(EmbeddedText.hash(before));
    assertThat(EmbeddedText.hash(passage("Long story", "changed " + words(2, 200))))
        .isNotEqualTo(EmbeddedText.hash(before));
  }

  @Test
  void should_give_the_model_each_further_150_words_of_a_long_passage_as_a_part_of_its_own_with_the_headline() {
    assertThat(EmbeddedText.parts(passage("Long story", words(1, 400)))).containsExactly(
        EmbeddedText.of(passage("Long story", words(1, 400))),
        "Long story\n" + words(151, 300),
        "Long story\n" + words(301, 400));
    assertThat(EmbeddedText.parts(passage("Long story", words(1, 600)))).hasSize(EmbeddedText.PARTS)
        .last().isEqualTo("Long story\n" + words(301, 450));
  }

  @Test
  void should_make_a_later_part_only_of_more_than_twenty_words() {
    assertThat(EmbeddedText.parts(passage("Short story", "The tram opens in spring."))).hasSize(1);
    assertThat(EmbeddedText.parts(passage("Story", words(1, 150 + EmbeddedText.MIN_PART_WORDS)))).hasSize(1);
    assertThat(EmbeddedText.parts(passage("Story", words(1, 151 + EmbeddedText.MIN_PART_WORDS))))
        .containsExactly(EmbeddedText.of(passage("Story", words(1, 171))), "Story\n" + words(151, 171));
  }

  private static String words(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
  }

  private static Passage passage(String title, String text) {
    return new Passage("a", 0, title, text, Optional.empty(), Optional.empty(), Optional.empty(), 0, text.length());
  }
}

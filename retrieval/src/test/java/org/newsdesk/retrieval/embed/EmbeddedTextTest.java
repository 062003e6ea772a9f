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

  private static String words(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
  }

  private static Passage passage(String title, String text) {
    return new Passage("a", 0, title, text, Optional.empty(), Optional.empty(), Optional.empty(), 0, text.length());
  }
}

package org.newsdesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EditDistanceTest {
  @ParameterizedTest
  @CsvSource({
      "tram, tram, 0",
      "tram, tarm, 1",
      "chief, cheif, 1",
      "library, libary, 1",
      "retrieval, retreival, 1",
      "kitten, sitting, 3",
      "'', abc, 3",
      "ca, abc, 3"})
  void should_count_a_swap_of_neighbours_as_one_edit(String a, String b, int distance) {
    assertThat(EditDistance.between(a, b)).isEqualTo(distance);
    assertThat(EditDistance.between(b, a)).isEqualTo(distance);
  }
}

package org.newsdesk.retrieval.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecencyFavourTest {
  private static final LocalDate ASKED = LocalDate.of(2024, 6, 20);

  @Test
  void should_keep_the_score_of_the_day_and_fade_to_one_over_one_plus_the_weight_for_the_long_past_and_undated() {
    RecencyFavour favour = new RecencyFavour(0.25, 30);

    assertThat(favour.factor(Optional.of(ASKED), ASKED)).isEqualTo(1.0);
    assertThat(favour.factor(Optional.of(ASKED.minusDays(30)), ASKED)).isCloseTo((1 + 0.25 / Math.E) / 1.25, within(1e-12));
    assertThat(favour.factor(Optional.of(ASKED.plusDays(30)), ASKED)).isCloseTo((1 + 0.25 / Math.E) / 1.25, within(1e-12));
    assertThat(favour.factor(Optional.of(ASKED.minusYears(20)), ASKED)).isCloseTo(0.8, within(1e-12));
    assertThat(favour.factor(Optional.empty(), ASKED)).isEqualTo(0.8);
  }

  @Test
  void should_leave_every_score_as_it_is_without_a_weight() {
    assertThat(RecencyFavour.NONE.factor(Optional.empty(), ASKED)).isEqualTo(1.0);
    assertThat(new RecencyFavour(0, 7).factor(Optional.of(ASKED.minusDays(400)), ASKED)).isEqualTo(1.0);
  }

  @Test
  void should_name_the_bad_value() {
    assertThatThrownBy(() -> new RecencyFavour(-0.5, 30)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("recency weight must be >= 0, got -0.5");
    assertThatThrownBy(() -> new RecencyFavour(Double.NaN, 30)).hasMessage("recency weight must be >= 0, got NaN");
    assertThatThrownBy(() -> new RecencyFavour(1, 0)).hasMessage("recency days must be >= 1, got 0");
  }
}

package org.newsdesk.bot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingConverterTest {
  @Test
  void should_mask_a_bot_token_inside_a_bot_api_url() {
    String line = "GET https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/getMe failed";

    assertThat(MaskingConverter.mask(line))
        .isEqualTo("GET https://api.telegram.org/bot***/getMe failed");
  }

  @Test
  void should_leave_ordinary_numbers_and_times_alone() {
    String line = "answer sent chat=123456789 at 12:30:45";

    assertThat(MaskingConverter.mask(line)).isEqualTo(line);
  }
}

package org.newsdesk.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.newsdesk.config.AnswerMode;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.answer.Answer;
import org.newsdesk.retrieval.answer.Citation;

class AnswerSourcesTest {
  private static final Passage TRAM_2025 = passage("tram-2025", 0, "Riverside tram delayed to 2027",
      "The Riverside tram line will not carry passengers before the spring of 2027, the city's project office said.");
  private static final Passage TRAM_2025_CAPTION = passage("tram-2025", 1, "Riverside tram delayed to 2027",
      "Workers lay track near the Riverside depot.");
  private static final Passage TRAM_2023 = passage("tram-2023", 0, "Council approves Riverside tram line",
      "City officials said the first passenger trams should run in the autumn of 2026.");

  private static Passage passage(String id, int ordinal, String title, String text) {
    return new Passage(id, ordinal, title, text, Optional.of(URI.create("https://news.example/" + id)),
        Optional.of(LocalDate.of(2025, 6, 2)), Optional.of("Courier"), 0, text.length());
  }

  private static Citation cite(int n, Passage p, String quote) {
    return new Citation(n, p, quote, 0, quote.length(), true, 1f);
  }

  private static Answer answer(AnswerMode mode, String text, Citation... citations) {
    return new Answer(true, text, mode, List.of(citations), List.of(), List.of(), Optional.empty(), "q");
  }

  @Test
  void should_leave_out_every_quote_when_the_extractive_answer_already_says_it_word_for_word() {
    Answer a = answer(AnswerMode.EXTRACTIVE, "In 2025, the Riverside tram line will not carry passengers before the "
        + "spring of 2027, the city's project office said [1]. In 2023, city officials said the first passenger trams "
        + "should run in the autumn of 2026 [2].",
        cite(1, TRAM_2025, TRAM_2025.text()), cite(2, TRAM_2023, TRAM_2023.text()));

    assertThat(AnswerSources.of(a)).containsExactly(
        new AnswerSources.Source(1, TRAM_2025, List.of()), new AnswerSources.Source(2, TRAM_2023, List.of()));
  }

  @Test
  void should_leave_out_a_quote_of_two_sentences_that_the_answer_gives_in_the_other_order() {
    Passage p = passage("kremlin", 0, "Kremlin on talks", "Zelensky has offered to meet Putin, but the Kremlin "
        + "says more progress is needed first. Peskov says that a meeting of the presidents must be prepared.");
    Answer a = answer(AnswerMode.EXTRACTIVE, "Peskov says that a meeting of the presidents must be prepared [1]. "
        + "Zelensky has offered to meet Putin, but the Kremlin says more progress is needed first [1].",
        cite(1, p, p.text()));

    assertThat(AnswerSources.of(a)).containsExactly(new AnswerSources.Source(1, p, List.of()));
  }

  @Test
  void should_show_only_the_sentences_of_a_quote_that_the_answer_does_not_hold_each_run_as_one_quote() {
    Passage p = passage("flood", 0, "River floods the old town", "The river rose two metres overnight. "
        + "Nobody has been hurt. Schools stay closed\non Friday. The mayor thanked the volunteers.");
    Answer a = answer(AnswerMode.OPENAI, "The water rose fast. Nobody has been hurt [1].", cite(1, p, p.text()));

    assertThat(AnswerSources.of(a).get(0).quotes()).containsExactly("The river rose two metres overnight.",
        "Schools stay closed on Friday. The mayor thanked the volunteers.");
  }

  @Test
  void should_keep_the_quote_when_a_model_answer_says_it_in_other_words() {
    Answer a = answer(AnswerMode.OPENAI, "The tram is now due in spring 2027 [1].",
        cite(1, TRAM_2025, TRAM_2025.text()));

    assertThat(AnswerSources.of(a)).containsExactly(new AnswerSources.Source(1, TRAM_2025, List.of(TRAM_2025.text())));
  }

  @Test
  void should_keep_a_quote_that_the_answer_holds_only_in_part() {
    Answer a = answer(AnswerMode.OPENAI, "The Riverside tram line will not carry passengers before the spring [1].",
        cite(1, TRAM_2025, TRAM_2025.text()));

    assertThat(AnswerSources.of(a).get(0).quotes()).containsExactly(TRAM_2025.text());
  }

  @Test
  void should_show_one_entry_per_number_with_its_quotes_once_when_the_answer_cites_an_article_twice() {
    Answer a = answer(AnswerMode.OPENAI, "Track is being laid [1], and the trams run in 2026 [2].",
        cite(1, TRAM_2025_CAPTION, TRAM_2025_CAPTION.text()), cite(2, TRAM_2023, TRAM_2023.text()),
        cite(1, TRAM_2025, TRAM_2025.text()), cite(1, TRAM_2025_CAPTION, TRAM_2025_CAPTION.text()));

    assertThat(AnswerSources.of(a)).containsExactly(
        new AnswerSources.Source(1, TRAM_2025_CAPTION, List.of(TRAM_2025_CAPTION.text(), TRAM_2025.text())),
        new AnswerSources.Source(2, TRAM_2023, List.of(TRAM_2023.text())));
  }

  @Test
  void should_list_sources_in_the_order_of_their_numbers() {
    Answer a = answer(AnswerMode.OPENAI, "Autumn 2026 [2], then spring 2027 [1].",
        cite(2, TRAM_2023, TRAM_2023.text()), cite(1, TRAM_2025, TRAM_2025.text()));

    assertThat(AnswerSources.of(a)).extracting(AnswerSources.Source::n).containsExactly(1, 2);
  }
}

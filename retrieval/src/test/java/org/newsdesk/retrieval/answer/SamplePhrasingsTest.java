package org.newsdesk.retrieval.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Questions about the shipped sample articles, asked the way readers ask them: greetings, thanks, half-sentences. */
class SamplePhrasingsTest {
  @TempDir static Path data;
  static DefaultPipeline pipeline;

  @BeforeAll
  static void index() throws Exception {
    pipeline = DefaultPipeline.over(Path.of("../samples"), data);
  }

  @AfterAll
  static void close() throws Exception {
    pipeline.close();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Hi! Who is the head librarian? | Sofia Lindqvist",
      "hi, when will the tram open? | spring of 2027",
      "Thanks! And who is the fire chief? | Anna Reyes",
      "tram opening date? | spring of 2027",
      "Was anyone hurt in the flood? | Nobody has been hurt",
      "Could you please tell me how much the library renovation cost, thanks | 14.5 million euros",
      "<b>who</b> is the *head librarian*? | Sofia Lindqvist",
      "wen will the tram open | spring of 2027",
      "who is the fire cheif | Anna Reyes",
      "libary hours? | Opening hours",
      "when will the tarm open? | spring of 2027",
      "How old is the library building? | building from 1912",
      "How old is the library? | building from 1912",
      "how many bikes are being added? | add 300 bicycles",
      "WHEN WILL THE TRAM OPEN?? | spring of 2027",
      "When will the tram open? \uD83D\uDE8B | spring of 2027",
      "tram \uD83D\uDE8B when? | spring of 2027",
      "what is the latest on the tram | spring of 2027",
      "tram? | spring of 2027",
      "Why is the tram delayed? | old foundations",
      "what caused the tram delay? | old foundations",
      "Why were homes evacuated? | heavy rain",
      "what time does the library close? | 9 in the evening",
      "How high did the river get? | 4.8 metres",
      "When will the rain stop? | ease on Wednesday",
      "How many stops will the tram have? | 16 stops",
      "How many passengers will the tram carry? | 28,000 passengers",
      "How long will the embankments be? | 3.5 kilometres of new embankments",
      "How deep was the water? | 4.8 metres",
      "How long did the renovation take? | took two years",
      "Who pays for the extra tram costs? | cover 30 million euros",
      "How many firefighters helped? | 60 firefighters",
      "Who is in charge of the tram project? | Project director Tomas Brandt",
      "Who leads the tram project? | Project director Tomas Brandt",
      "Are the schools open after the flood? | Schools in the lower town will stay closed",
      "Where did people spend the night during the flood? | sports hall on Kings Road",
      "Is the library open yet? | the library is now open",
      "When did the river peak? | 4.8 metres shortly after two o'clock",
      "What is the tram's budget? | 236 million euros",
      "What's the length of the tram route? | 9.6 kilometres",
      "Who opposed the tram? | Henrik Vale",
      "How many evacuees were there? | 240 homes",
  })
  void should_answer_a_question_however_politely_or_briefly_it_is_asked(String question, String quoted) {
    Answer a = pipeline.answerer.answer(question, question);

    assertThat(a.answered()).as(question).isTrue();
    assertThat(a.text()).as(question).contains(quoted);
  }

  @Test
  void should_lead_with_the_newest_report_and_date_the_older_one_when_asked_when_the_tram_starts() {
    Answer a = pipeline.answerer.answer("tram", "when does the tram start running");

    assertThat(a.text()).startsWith("In 2025, ").contains("spring of 2027").contains("In 2023, ")
        .contains("autumn of 2026");
    assertThat(a.text().indexOf("spring of 2027")).isLessThan(a.text().indexOf("autumn of 2026"));
  }

  @Test
  void should_give_the_newer_length_of_the_tram_route_first_and_never_the_superseded_one_alone() {
    Answer a = pipeline.answerer.answer("route", "How long is the tram route?");

    assertThat(a.text()).startsWith("In 2025, ").contains("9.6 kilometres").contains("In 2023, ")
        .contains("9.2-kilometre route");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // the gauge's depth, not a newer report's basin of another measure
      "How deep was the water? | The water level at the Old Mill gauge reached 4.8 metres | cubic metres",
      // the hall's own reason, not another article's
      "Why was the reading hall closed? | The old reading hall, closed since a leak in 2019 | saturated",
      // the vote, not the newer cost
      "How many councillors voted for the tram? | The Kestrel Falls city council voted 31 to 12 | 236 million",
      // the vote, not the people who spent the night in a shelter during the flood
      "How many people voted for the tram? | The Kestrel Falls city council voted 31 to 12 | sports hall",
      // Sofia Lindqvist's words, not the opening hours with their figures and weekdays
      "Hi! Who is the head librarian? | \"People told us they wanted a quiet place | Opening hours",
      // the river's height, not the tram
      "How high did the river get? | The water level at the Old Mill gauge reached 4.8 metres | tram",
      // the embankments' money, not the cost of the tram, which only shares the word "cost"
      "How much will the embankments cost? | The regional government has pledged 22 million euros | 180 million",
      // the tram's budget, not the library's overrun, which only shares the word "budget"
      "Is the tram over budget? | Councillor Henrik Vale, who voted against the plan, said the budget | renovation"})
  void should_lead_with_what_answers_and_leave_out_what_only_looks_like_it(String question, String lead,
                                                                           String leftOut) {
    Answer a = pipeline.answerer.answer("lead: " + question, question); // a conversation of its own

    assertThat(a.text()).as(question).startsWith(lead).doesNotContain(leftOut);
  }

  @Test
  void should_lead_with_the_sentence_that_settles_whether_the_library_went_over_budget() {
    Answer a = pipeline.answerer.answer("over", "Did the library go over budget?");

    assertThat(a.text()).startsWith("The renovation ran 1.2 million euros over its budget");
  }

  @Test
  void should_give_the_reason_when_a_follow_up_asks_why_it_went_over_budget() {
    pipeline.answerer.answer("budget", "How much did the library renovation cost?");

    Answer a = pipeline.answerer.answer("budget", "Why did it go over budget?");

    assertThat(a.answered()).isTrue();
    assertThat(a.text()).contains("asbestos");
  }

  @Test
  void should_answer_a_follow_up_that_names_a_year_from_that_year_s_report() {
    pipeline.answerer.answer("year", "hi, when will the tram open?");

    Answer a = pipeline.answerer.answer("year", "And in 2023?");

    assertThat(a.text()).contains("autumn of 2026").doesNotContain("Olsen");
    assertThat(a.citations()).extracting(c -> c.passage().published().orElseThrow().getYear()).containsOnly(2023);
  }

  @Test
  void should_lead_with_how_often_the_trams_run_when_asked_how_often() {
    Answer a = pipeline.answerer.answer("often", "How often will the trams run?");

    assertThat(a.text()).startsWith("\"Every ten minutes");
  }

  @Test
  void should_lead_with_the_opening_hours_when_asked_when_the_library_is_open() {
    Answer a = pipeline.answerer.answer("hours", "When is the library open on weekends?");

    assertThat(a.text()).startsWith("Opening hours have been extended");
  }

  @Test
  void should_keep_a_follow_up_on_the_subject_it_carries() {
    pipeline.answerer.answer("subject", "What happened to the library?");

    Answer a = pipeline.answerer.answer("subject", "How much did it cost?");

    assertThat(a.text()).contains("14.5 million euros").doesNotContain("30 million euros");
    assertThat(a.citations()).extracting(c -> c.passage().title())
        .containsOnly("Central library reopens after two-year renovation");
  }

  @Test
  void should_not_let_a_newer_report_that_is_only_close_in_meaning_lead() {
    Answer a = pipeline.answerer.answer("defences", "Who will pay for the flood defences?");

    assertThat(a.text()).containsPattern("^(On [0-9]+ February 2025, t|T)he regional government has pledged");
  }

  @Test
  void should_count_what_a_follow_up_counts_on_the_subject_it_carries() {
    pipeline.answerer.answer("bikes", "bike share news?");

    Answer a = pipeline.answerer.answer("bikes", "How many new bikes?");

    assertThat(a.text()).contains("300 bicycles").doesNotContain("books");
  }

  @Test
  void should_count_households_when_asked_how_many_people_had_to_leave() {
    pipeline.answerer.answer("households", "Tell me about the flood");

    Answer a = pipeline.answerer.answer("households", "How many people had to leave?");

    assertThat(a.text()).contains("240 households");
  }

  @Test
  void should_say_not_found_when_a_follow_up_asks_an_age_that_no_article_tells() {
    pipeline.answerer.answer("age", "Who is the head librarian?");

    Answer a = pipeline.answerer.answer("age", "How old is she?");

    assertThat(a.answered()).isFalse();
    assertThat(a.citations()).isEmpty();
  }

  @Test
  void should_search_again_with_the_word_a_typo_stands_for_and_log_the_question_as_read() {
    Answer a = pipeline.answerer.answer("typo", "when will the tarm open?");

    assertThat(a.query()).isEqualTo("when will the tram open?");
    assertThat(a.text()).startsWith("In 2025, ").contains("spring of 2027");
  }

  @Test
  void should_invite_a_question_when_the_message_holds_only_thanks() {
    Answer a = pipeline.answerer.answer("thanks", "Thanks a lot!");

    assertThat(a.answered()).isFalse();
    assertThat(a.text()).isEqualTo("Ask me anything about the articles, and I'll answer with quotes from them.");
    assertThat(a.citations()).isEmpty();
  }

  @Test
  void should_cite_each_article_under_one_number() {
    Answer a = pipeline.answerer.answer("tram-numbers", "When will the Riverside tram open?");

    assertThat(a.citations()).extracting(c -> c.passage().articleId()).doesNotHaveDuplicates();
  }
}

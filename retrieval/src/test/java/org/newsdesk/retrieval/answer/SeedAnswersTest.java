package org.newsdesk.retrieval.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Extractive answers over the five seed articles, end to end through the real index, words and meaning. */
class SeedAnswersTest {
  @TempDir static Path data;
  static DefaultPipeline pipeline;
  static DefaultAnswerer answerer;

  @BeforeAll
  static void index() throws Exception {
    Path seeds = Path.of(System.getProperty("newsdesk.shared", "../shared")).resolve("seeds");
    assertThat(seeds).isDirectory();
    pipeline = DefaultPipeline.over(seeds, data);
    answerer = pipeline.answerer;
  }

  @AfterAll
  static void close() throws Exception {
    pipeline.close();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Did Lukashenko congratulate Americans on Independence Day? | 001 | congratulated the people of the United States",
      "What did Lukashenko wish all Americans? | 001 | good health, peace, stability",
      "What did Peskov say about Kaliningrad? | 001 | Kaliningrad",
      "When did the Kremlin last send Independence Day congratulations to an American leader? | 000 | since 2020",
      "What did Interfax quote Peskov as saying? | 000 | Interfax quoted",
      "What did Putin's message to Obama call for? | 002 | better relations",
      "Why did the U.S. impose sanctions on Russian firms? | 002 | annexation of the Crimea",
      "Where is Biden travelling for the NATO meeting? | 003 | Brussels",
      "How many refugees has Poland taken in? | 003 | 3.2 million",
      "Who is the US ambassador to Russia? | 003 | John Sullivan",
      "Which hack is Russia blamed for? | 004 | SolarWinds",
      "What did Putin reply when Biden called him a killer? | 004 | it takes one to know one",
      "Why did Russia recall its ambassador Anatoly Antonov? | 004 | Antonov",
      "When did Russia recall its ambassador? | 004 | last week to recall",
      "What did the Kremlin say about the Kaliningrad blockade? | 001 | alternative scenarios if the blockade continues",
      "Who warned that relations were on the verge of breaking down? | 003 | on the verge of breaking down",
  })
  void should_answer_with_a_quote_from_the_right_article_when_the_seeds_hold_the_answer(String question,
                                                                                        String article, String quoted) {
    Answer a = answerer.answer("seed", question);

    assertThat(a.answered()).as(question).isTrue();
    assertThat(a.citations().getFirst().passage().articleId()).as(question).startsWith(article);
    assertThat(a.citations()).as(question).anySatisfy(c -> assertThat(c.quote()).contains(quoted));
  }

  @ParameterizedTest
  @ValueSource(strings = {"What is the capital of Australia?", "Who won the 2018 football World Cup?",
      "What is the recipe for borscht?", "How tall is Mount Everest?", "When did the Berlin Wall fall?",
      "What did Merkel say about Brexit?", "Did the central bank raise interest rates?",
      "Where will the next Olympic Games be held?", "How much is a bitcoin worth?", "Which vaccine did Japan approve?"})
  void should_say_not_found_when_the_seeds_do_not_hold_the_answer(String question) {
    Answer a = answerer.answer("seed", question);

    assertThat(a.text()).isEqualTo("I couldn't find that in the articles.");
    assertThat(a.citations()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"How can I support The Moscow Times with a donation?", "Can I subscribe monthly for $2?",
      "Why should readers support independent journalism?"})
  void should_never_cite_the_donation_appeal(String question) {
    Answer a = answerer.answer("seed", question);

    assertThat(a.citations()).allSatisfy(c -> assertThat(c.quote())
        .doesNotContain("support us monthly").doesNotContain("Dear readers").doesNotContain("Remind me later")
        .doesNotContain("refuse to be silenced"));
  }

  @Test
  void should_follow_up_on_the_previous_question_in_the_same_conversation() {
    answerer.answer("follow", "Who is the US ambassador to Russia?");

    Answer a = answerer.answer("follow", "Why was he summoned?");

    assertThat(a.answered()).isTrue();
    assertThat(a.citations()).anySatisfy(c -> assertThat(c.quote()).contains("summoned to the Kremlin"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Why won't Putin congratulate Biden? | This is because",
      "Which European leaders did Biden speak with before the Brussels trip? | Emmanuel Macron",
  })
  void should_quote_the_reason_or_the_list_when_asked_why_or_which_ones(String question, String quoted) {
    Answer a = answerer.answer("kinds", question);

    assertThat(a.answered()).as(question).isTrue();
    assertThat(a.text()).as(question).contains(quoted);
  }

  @Test
  void should_carry_the_person_into_a_follow_up_that_says_he() {
    answerer.answer("peskov", "Who is Dmitry Peskov?");

    Answer a = answerer.answer("peskov", "What did he say about Kaliningrad?");

    assertThat(a.answered()).isTrue();
    assertThat(a.text()).contains("Kaliningrad");
  }
}

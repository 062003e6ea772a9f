package org.newsdesk.retrieval.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.newsdesk.config.AnswerConfig;
import org.newsdesk.config.AnswerMode;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.search.PassageSearcher;
import org.newsdesk.retrieval.search.ScoredPassage;

/** The extractive answer as configured by default: sentences chosen by words and by meaning (bge-small). */
class ExtractiveAnswerTest {
  private final AnswerConfig config = AnswerConfig.defaults();

  private DefaultAnswerer answerer(List<Passage> passages) {
    return new DefaultAnswerer(Fixtures.overlapSearcher(passages), 5, config, Optional.empty(),
        Optional.of(DefaultPipeline.MODEL), Clock.systemUTC());
  }

  @Test
  void should_quote_the_sentence_that_answers_when_it_is_not_the_first_of_its_passage() {
    // given
    DefaultAnswerer answerer = answerer(List.of(Fixtures.FERRY));

    // when
    Answer a = answerer.answer("c1", "How often do the ferries run?");

    // then
    assertThat(a.answered()).isTrue();
    assertThat(a.mode()).isEqualTo(AnswerMode.EXTRACTIVE);
    assertThat(a.text()).isEqualTo("Ferries will run every twenty minutes between the terminal and the old town [1].");
    assertThat(a.citations()).singleElement().satisfies(c -> {
      assertThat(c.n()).isEqualTo(1);
      assertThat(c.quote()).isEqualTo("Ferries will run every twenty minutes between the terminal and the old town.");
      assertThat(c.supported()).isTrue();
    });
    assertThat(a.notice()).isEmpty();
  }

  @Test
  void should_lead_with_the_report_of_the_days_around_the_day_asked() {
    // given: two reports a year apart that word the answer alike, the older retrieved first; one sentence an answer
    Passage then = Fixtures.passage("then", "Crane works", "Kranwerk Nord will repair the harbour crane, the port said.",
        Optional.of(LocalDate.of(2024, 6, 2)), Optional.empty(), 0);
    Passage now = Fixtures.passage("now", "Crane works", "Baltic Lift will repair the harbour crane, the port said.",
        Optional.of(LocalDate.of(2025, 6, 2)), Optional.empty(), 0);
    AnswerConfig oneSentence = new AnswerConfig(config.mode(), 1, config.minSupport(), config.minMeaning(),
        config.memoryTurns(), config.memoryIdle(), config.sentenceVectors(), config.recencyWeight(),
        config.recencyDays());
    DefaultAnswerer answerer = new DefaultAnswerer(Fixtures.fixedSearcher(List.of(then, now)), 5, oneSentence,
        Optional.empty(), Optional.of(DefaultPipeline.MODEL), Clock.systemUTC());
    String question = "Which company will repair the harbour crane?";

    // when
    Answer thatWeek = answerer.answer("c1", question, LocalDate.of(2025, 6, 3));
    Answer aYearBefore = answerer.answer("c2", question, LocalDate.of(2024, 6, 3));

    // then
    assertThat(thatWeek.text()).startsWith("Baltic Lift");
    assertThat(aYearBefore.text()).startsWith("Kranwerk Nord");
  }

  @Test
  void should_search_as_on_the_day_asked_and_as_on_its_clocks_day_when_no_day_is_given() {
    List<LocalDate> searchedOn = new ArrayList<>();
    PassageSearcher recording = new PassageSearcher() {
      @Override
      public List<ScoredPassage> search(String question, int limit) {
        throw new AssertionError("the answerer must say the day it asks on");
      }

      @Override
      public List<ScoredPassage> search(String question, int limit, LocalDate askedOn) {
        searchedOn.add(askedOn);
        return List.of(new ScoredPassage(Fixtures.FERRY, 1f));
      }
    };
    Clock clock = Clock.fixed(Instant.parse("2024-06-20T23:30:00Z"), ZoneOffset.UTC);
    DefaultAnswerer answerer = new DefaultAnswerer(recording, 5, config, Optional.empty(), Optional.empty(), clock);

    answerer.answer("c1", "How often do the ferries run?", LocalDate.of(2023, 3, 1));
    answerer.answer("c2", "How often do the ferries run?");

    assertThat(searchedOn).containsExactly(LocalDate.of(2023, 3, 1), LocalDate.of(2024, 6, 20));
  }

  @Test
  void should_ask_the_collection_once_whether_it_uses_a_word_it_reads_as_a_typo() {
    List<String> asked = new ArrayList<>();
    PassageSearcher counting = new PassageSearcher() {
      @Override
      public List<ScoredPassage> search(String question, int limit) {
        return List.of(new ScoredPassage(Fixtures.FERRY, 1f));
      }

      @Override
      public boolean uses(String word, int passages) {
        asked.add(word);
        return false;
      }
    };
    DefaultAnswerer answerer = new DefaultAnswerer(counting, 5, config, Optional.empty(), Optional.empty(),
        Clock.systemUTC());

    Answer a = answerer.answer("c1", "How often do ferries leave the terminl?");

    assertThat(a.query()).isEqualTo("How often do ferries leave the terminal?");
    assertThat(asked).containsExactly("terminl");
  }

  @Test
  void should_never_answer_with_a_question_the_article_asks_itself() {
    Passage asking = Fixtures.passage("toll", "Who pays for the new bridge?", "Who will pay for the new bridge over"
        + " the Vessel? The regional transport fund will pay two thirds of the cost, the mayor said on Monday.",
        Optional.empty(), Optional.empty(), 0);

    Answer a = answerer(List.of(asking)).answer("c1", "Who will pay for the new bridge?");

    assertThat(a.text()).isEqualTo("The regional transport fund will pay two thirds of the cost, the mayor said on"
        + " Monday [1].");
  }

  @Test
  void should_copy_the_quote_by_offsets_into_the_article_text() {
    // given
    String article = "x".repeat(Fixtures.FERRY.start()) + Fixtures.FERRY_TEXT;
    DefaultAnswerer answerer = answerer(List.of(Fixtures.FERRY));

    // when
    Citation c = answerer.answer("c1", "How often do the ferries run?").citations().getFirst();

    // then
    assertThat(article.substring(c.quoteStart(), c.quoteEnd())).isEqualTo(c.quote());
  }

  @Test
  void should_say_not_found_and_cite_nothing_when_no_passage_holds_the_answer() {
    // given: the harbour passage comes back, but says nothing about football
    DefaultAnswerer answerer = answerer(Fixtures.ALL);

    // when
    Answer a = answerer.answer("c1", "Who won the football match at the harbor?");

    // then
    assertThat(a.retrieved()).isNotEmpty();
    assertThat(a.answered()).isFalse();
    assertThat(a.text()).isEqualTo("I couldn't find that in the articles.");
    assertThat(a.citations()).isEmpty();
  }

  @Test
  void should_say_not_found_when_nothing_is_retrieved() {
    Answer a = answerer(Fixtures.ALL).answer("c1", "What is the capital of Australia?");

    assertThat(a.retrieved()).isEmpty();
    assertThat(a.answered()).isFalse();
    assertThat(a.text()).isEqualTo(Answer.NOT_FOUND);
  }

  @Test
  void should_lead_with_the_newest_article_and_give_each_claim_its_year_when_the_cited_articles_are_from_different_years() {
    // given
    DefaultAnswerer answerer = answerer(List.of(Fixtures.BRIDGE_2014, Fixtures.BRIDGE_2022));

    // when
    Answer a = answerer.answer("c1", "How much does the bridge cost, in millions of euros?");

    // then
    assertThat(a.text()).isEqualTo("In 2022, repairs are expected to take six months and cost 12 million euros [1]. "
        + "In 2014, the bridge will cost 40 million euros and open in 2017 [2].");
    assertThat(a.citations()).extracting(c -> c.passage().articleId()).containsExactly("bridge-2022", "bridge-2014");
  }

  @Test
  void should_answer_blank_questions_with_not_found() {
    Answer a = answerer(Fixtures.ALL).answer("c1", "   ");

    assertThat(a.answered()).isFalse();
    assertThat(a.text()).isEqualTo(Answer.NOT_FOUND);
  }

  @Test
  void should_answer_a_follow_up_with_the_previous_question_in_mind() {
    // given
    DefaultAnswerer answerer = answerer(Fixtures.ALL);
    answerer.answer("chat-7", "Why did the Vessel bridge close?");

    // when
    Answer a = answerer.answer("chat-7", "How long will repairs take there?");

    // then
    assertThat(a.query()).isEqualTo("How long will repairs take there? Vessel bridge close");
    assertThat(a.citations().getFirst().quote()).isEqualTo("Repairs are expected to take six months and cost 12 million euros.");
  }

  @Test
  void should_answer_when_the_article_reports_the_question_word_in_other_words() {
    // given: the article says "blamed", the reader asks "accuse"
    DefaultAnswerer answerer = answerer(Fixtures.ALL);

    // when
    Answer a = answerer.answer("c1", "Whom did the mayor accuse?");

    // then
    assertThat(a.text()).isEqualTo("Mayor Tomas Berg blamed the original builders for cutting corners [1].");
  }

  @Test
  void should_quote_each_report_of_when_it_opens_when_articles_of_different_years_disagree() {
    // given
    Passage approved = Fixtures.passage("tram-2023", "Council approves the tram line",
        "The council approved the tram line on Tuesday evening by a large majority. "
            + "City officials said building would start in 2024 and the first trams should run in the autumn of 2026.",
        Optional.of(LocalDate.of(2023, 3, 14)), Optional.of("Courier"), 0);
    Passage delayed = Fixtures.passage("tram-2025", "Tram line delayed",
        "The tram line will not carry passengers before the spring of 2027, the project office said. "
            + "Work on the river bridge was halted after engineers found old foundations.",
        Optional.of(LocalDate.of(2025, 6, 2)), Optional.of("Courier"), 0);
    DefaultAnswerer answerer = answerer(List.of(approved, delayed));

    // when
    Answer a = answerer.answer("c1", "When will the tram line open?");

    // then
    assertThat(a.text()).isEqualTo("In 2025, the tram line will not carry passengers before the spring of 2027, "
        + "the project office said [1]. In 2023, city officials said building would start in 2024 and the first trams "
        + "should run in the autumn of 2026 [2].");
  }

  @Test
  void should_not_add_a_sentence_about_someone_else_when_the_question_names_a_person() {
    // given: two mayors speak about the bridge, in different years
    Passage ortiz = Fixtures.passage("ortiz", "Bridge approved", "Mayor Lena Ortiz said the Vessel bridge would open "
        + "in 2017 and cost 40 million euros.", Optional.of(LocalDate.of(2014, 5, 2)), Optional.empty(), 0);
    Passage berg = Fixtures.passage("berg", "Bridge repairs", "Mayor Tomas Berg said the Vessel bridge repairs would "
        + "cost 12 million euros.", Optional.of(LocalDate.of(2022, 9, 14)), Optional.empty(), 0);
    DefaultAnswerer answerer = answerer(List.of(ortiz, berg));

    // when
    Answer a = answerer.answer("c1", "What did Mayor Ortiz say the Vessel bridge would cost?");

    // then
    assertThat(a.text()).isEqualTo("Mayor Lena Ortiz said the Vessel bridge would open in 2017 and cost 40 million euros [1].");
  }

  @Test
  void should_answer_which_country_with_the_sentence_that_names_one() {
    // given: the sentence with every word of the question names only a city; the next names the country
    Passage regatta = Fixtures.passage("regatta", "Regatta host chosen", "Organisers of the sailing regatta met in "
        + "Geneva on Monday to decide which country would host it. Portugal will host the sailing regatta next summer, "
        + "the organisers said.", Optional.of(LocalDate.of(2024, 3, 4)), Optional.empty(), 0);
    DefaultAnswerer answerer = answerer(List.of(regatta));

    // when
    Answer a = answerer.answer("c1", "Which country will host the sailing regatta?");

    // then
    assertThat(a.text()).isEqualTo("Portugal will host the sailing regatta next summer, the organisers said [1].");
  }
}

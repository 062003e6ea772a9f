package org.newsdesk.retrieval.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.newsdesk.retrieval.search.RecencyFavour;
import org.newsdesk.retrieval.search.ScoredPassage;

/** Which sentences the extractive answer quotes, with meaning as this test sets it. */
class ExtractiveComposerTest {
  private static final String QUESTION = "Which company will repair the harbour crane?";
  /** Holds a name, close to the question in meaning, but not close enough to answer alone, nor by words. */
  private static final String CONTRACT = "Kranwerk Nord won the contract after a tender last spring.";
  /** Of the same article, holds a name; would not answer alone either. */
  private static final String CHIEF = "Its chief engineer, Ola Berg, has led two such jobs in Bergen.";
  /** Of the same article, holds no name. */
  private static final String TENDER = "The tender drew six offers from across the region.";
  /** Of another article: close enough in meaning to answer, but names no one. */
  private static final String REPAIR = "The harbour crane will be repaired this winter, the port authority said.";

  private static final String WHO_PAYS = "Who will pay for the harbour defences?";
  /** An older report that answers by its words. */
  private static final String PLEDGE = "The regional government will pay 22 million euros for the harbour defences.";
  /** A newer report, close enough in meaning to answer, that shares one of the question's words, and few. */
  private static final String STORM = "Storm Ida also cost the harbour crews several weeks, Mayor Ruth Ahl said.";
  /** The same, sharing none of the question's words: it answers another question. */
  private static final String GALE = "The gale also cost the dock crews several weeks, Mayor Ruth Ahl said.";

  private static final String DID_IT_FAIL = "Did the harbour crane fail in the storms?";
  /** Restates what the headline says: the crane; closest in meaning, but silent on failing. */
  private static final String BACK = "The harbour crane returned to work on Monday after a month of repairs.";
  /** Says what the question asks of the crane, in fewer of its words. */
  private static final String FAILED = "Its gearbox failed twice in the winter storms.";

  private static final String HOW_LONG = "How long is the harbour wall?";
  private static final String WALL_PRICE = "How much will the harbour wall cost?";
  private static final String WALL_COST = "The harbour wall will cost 40 million euros, the council said.";
  private static final String FERRY_COST = "The ferry terminal is expected to cost 25 million euros, the council said.";
  /** An older report that answers by its words. */
  private static final String APPROVED = "The council approved the harbour wall, a 2.1-kilometre barrier along the docks.";
  /** A newer report of the wall, revising its length in none of the question's words. */
  private static final String GROWN = "Engineers added a northern arm, bringing the total to 2.8 kilometres.";

  /** An older report, retrieved first, naming the firm that repaired the crane then. */
  private static final String REPAIRED_THEN = "Kranwerk Nord will repair the harbour crane, the port said.";
  /** A report of the week the question is asked in, retrieved second, naming another firm. */
  private static final String REPAIRS_NOW = "Baltic Lift will repair the harbour crane, the port said.";

  /** Cosine with the question, as this test wants it: the question is (1, 0), a sentence (c, √(1 − c²)). */
  private static final Map<String, Double> COSINES = Map.ofEntries(
      Map.entry(QUESTION, 1.0), Map.entry(CONTRACT, 0.68), Map.entry(CHIEF, 0.62), Map.entry(TENDER, 0.60),
      Map.entry(REPAIR, 0.72), Map.entry(WHO_PAYS, 1.0), Map.entry(PLEDGE, 0.66), Map.entry(STORM, 0.72),
      Map.entry(GALE, 0.72),
      Map.entry(DID_IT_FAIL, 1.0), Map.entry(BACK, 0.78), Map.entry(FAILED, 0.60),
      Map.entry(HOW_LONG, 1.0), Map.entry(APPROVED, 0.66), Map.entry(GROWN, 0.60),
      Map.entry(WALL_PRICE, 1.0));

  private static final EmbeddingModel MEANING = new EmbeddingModel() {
    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
      return Response.from(segments.stream().map(s -> {
        double c = COSINES.getOrDefault(s.text(), 0.0);
        return Embedding.from(new float[] {(float) c, (float) Math.sqrt(1 - c * c)});
      }).toList());
    }

    @Override
    public int dimension() {
      return 2;
    }
  };

  private final ExtractiveComposer composer = new ExtractiveComposer(3, 0.55, 0.70, Optional.of(MEANING));

  private static List<ScoredPassage> passages() {
    return List.of(
        new ScoredPassage(Fixtures.passage("port-tender", "Port picks a firm for its biggest job",
            CONTRACT + " " + CHIEF + " " + TENDER, Optional.empty(), Optional.empty(), 0), 2f),
        new ScoredPassage(Fixtures.passage("crane", "Harbour works this winter", REPAIR, Optional.empty(),
            Optional.empty(), 0), 1f));
  }

  @Test
  void should_lead_with_the_best_ranked_sentence_holding_a_name_once_another_shows_the_articles_answer() {
    // when
    ExtractiveComposer.Draft draft = composer.compose(QUESTION, passages());

    // then
    assertThat(draft.sentences()).extracting(CitationCheck.Drafted::claim)
        .containsExactly(CONTRACT, CHIEF, REPAIR);
  }

  @Test
  void should_keep_the_lead_that_answers_by_words_before_a_newer_report_only_close_in_meaning() {
    // when
    ExtractiveComposer.Draft draft = composer.compose(WHO_PAYS, pledgeAndNewer(STORM));

    // then: both are quoted, the pledge first though the storm report is newer
    assertThat(draft.sentences()).extracting(CitationCheck.Drafted::claim).containsExactly(PLEDGE, STORM);
  }

  @Test
  void should_not_quote_beside_the_lead_another_articles_sentence_that_holds_no_word_of_the_question() {
    // when
    ExtractiveComposer.Draft draft = composer.compose(WHO_PAYS, pledgeAndNewer(GALE));

    // then: close in meaning, but what it says of a gale answers nothing about who pays
    assertThat(draft.sentences()).extracting(CitationCheck.Drafted::claim).containsExactly(PLEDGE);
  }

  @Test
  void should_not_quote_beside_a_figure_another_articles_figure_that_shares_only_the_word_for_the_measure() {
    // given: an older report of the ferry terminal's cost
    List<ScoredPassage> passages = List.of(
        dated("wall", "Harbour wall approved", WALL_COST, LocalDate.of(2025, 2, 27), 2f),
        dated("ferry", "Ferry terminal plans", FERRY_COST, LocalDate.of(2023, 3, 14), 1f));

    // when
    ExtractiveComposer.Draft draft = composer.compose(WALL_PRICE, passages);

    // then: the terminal's cost says nothing of the wall's
    assertThat(draft.sentences()).extracting(CitationCheck.Drafted::claim).containsExactly(WALL_COST);
  }

  /** The pledge, and a newer report of the docks that says {@code newer}. */
  private static List<ScoredPassage> pledgeAndNewer(String newer) {
    return List.of(
        dated("pledge", "Region pays for the harbour defences", PLEDGE, LocalDate.of(2025, 2, 27), 2f),
        dated("docks", "Dock works run late", newer, LocalDate.of(2025, 6, 2), 1f));
  }

  @Test
  void should_give_a_newer_reports_figure_first_when_an_older_one_answers_by_words() {
    // when
    ExtractiveComposer.Draft draft = composer.compose(HOW_LONG, wallReports("Harbour wall to grow by a third"));

    // then: the 2.1 kilometres are superseded, so never given alone
    assertThat(draft.sentences()).extracting(CitationCheck.Drafted::claim).containsExactly(GROWN, APPROVED);
  }

  @Test
  void should_not_give_a_newer_figure_from_a_report_about_something_else() {
    // when: the newer report is about the docks, and says nothing of the wall
    ExtractiveComposer.Draft draft = composer.compose(HOW_LONG, wallReports("Docks get a northern arm"));

    // then
    assertThat(draft.sentences()).extracting(CitationCheck.Drafted::claim).containsExactly(APPROVED);
  }

  private static List<ScoredPassage> wallReports(String newerHeadline) {
    return List.of(
        dated("approved", "Council backs the harbour barrier", APPROVED, LocalDate.of(2023, 3, 14), 2f),
        dated("grown", newerHeadline, GROWN, LocalDate.of(2025, 6, 2), 1f));
  }

  @Test
  void should_quote_the_report_of_the_days_around_the_question_before_an_older_one_that_ranks_a_little_higher() {
    // given: one sentence an answer; the older report is retrieved first, and words both alike
    List<ScoredPassage> passages = List.of(
        dated("then", "Crane works", REPAIRED_THEN, LocalDate.of(2019, 5, 2), 2f),
        dated("now", "Crane works", REPAIRS_NOW, LocalDate.of(2025, 6, 2), 1f));
    ExtractiveComposer favouring = new ExtractiveComposer(1, 0.55, 0.70, Optional.of(MEANING),
        new RecencyFavour(0.25, 30));

    // when
    ExtractiveComposer.Draft askedThatWeek = favouring.compose(QUESTION, QUESTION, passages, LocalDate.of(2025, 6, 3));
    ExtractiveComposer.Draft askedBack = favouring.compose(QUESTION, QUESTION, passages, LocalDate.of(2019, 5, 3));
    ExtractiveComposer.Draft undated = favouring.compose(QUESTION, passages);
    ExtractiveComposer.Draft noFavour = new ExtractiveComposer(1, 0.55, 0.70, Optional.of(MEANING), RecencyFavour.NONE)
        .compose(QUESTION, QUESTION, passages, LocalDate.of(2025, 6, 3));

    // then: the favour decides; without it (or a day to favour) retrieval's order does
    assertThat(askedThatWeek.sentences()).extracting(CitationCheck.Drafted::claim).containsExactly(REPAIRS_NOW);
    assertThat(askedBack.sentences()).extracting(CitationCheck.Drafted::claim).containsExactly(REPAIRED_THEN);
    assertThat(undated.sentences()).extracting(CitationCheck.Drafted::claim).containsExactly(REPAIRED_THEN);
    assertThat(noFavour.sentences()).extracting(CitationCheck.Drafted::claim).containsExactly(REPAIRED_THEN);
  }

  /** A passage of {@code text}, of an article published on {@code day}, retrieved with {@code score}. */
  private static ScoredPassage dated(String id, String title, String text, LocalDate day, float score) {
    return new ScoredPassage(Fixtures.passage(id, title, text, Optional.of(day), Optional.empty(), 0), score);
  }

  @Test
  void should_say_not_found_when_no_sentence_answers_alone() {
    // given: the sentence that answers by its words is gone
    List<ScoredPassage> withoutRepair = passages().subList(0, 1);

    // when
    ExtractiveComposer.Draft draft = composer.compose(QUESTION, withoutRepair);

    // then
    assertThat(draft.empty()).isTrue();
  }

  @Test
  void should_lead_a_yes_or_no_answer_with_the_sentence_that_speaks_of_what_is_asked_not_of_the_headline() {
    // given
    List<ScoredPassage> passages = List.of(new ScoredPassage(Fixtures.passage("crane", "Harbour crane back in service",
        BACK + " " + FAILED, Optional.empty(), Optional.empty(), 0), 1f));

    // when
    ExtractiveComposer.Draft draft = composer.compose(DID_IT_FAIL, passages);

    // then
    assertThat(draft.sentences()).extracting(CitationCheck.Drafted::claim).first().isEqualTo(FAILED);
  }

  @Test
  void should_quote_a_wire_report_without_its_dateline() {
    // given
    String text = "WASHINGTON (AP) — The regional government will pay 22 million euros for the harbour defences, "
        + "officials said.";
    List<ScoredPassage> passages = List.of(new ScoredPassage(Fixtures.passage("wire", "Harbour defences funded", text,
        Optional.empty(), Optional.empty(), 0), 1f));

    // when
    ExtractiveComposer.Draft draft = new ExtractiveComposer(3, 0.55).compose(WHO_PAYS, passages);

    // then
    assertThat(draft.sentences()).extracting(CitationCheck.Drafted::claim).containsExactly(
        "The regional government will pay 22 million euros for the harbour defences, officials said.");
  }
}

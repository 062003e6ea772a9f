package org.newsdesk.retrieval.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.newsdesk.retrieval.search.ScoredPassage;

class CitationCheckTest {
  private final List<ScoredPassage> passages = List.of(
      new ScoredPassage(Fixtures.BRIDGE_2014, 3f), new ScoredPassage(Fixtures.BRIDGE_2022, 2f),
      new ScoredPassage(Fixtures.FERRY, 1f));

  @Test
  void should_renumber_markers_in_order_of_first_use_and_drop_markers_pointing_nowhere() {
    // when
    CitationCheck.Checked c = CitationCheck.check(
        "Ferries run every twenty minutes [3][7]. The bridge will cost 40 million euros [1].", passages);

    // then
    assertThat(c.claims()).extracting(CitationCheck.Claim::cited).containsExactly(List.of(1), List.of(2));
    assertThat(c.citations()).extracting(cit -> cit.passage().articleId()).containsExactly("ferry", "bridge-2014");
    assertThat(c.citations().get(0).quote()).isEqualTo("Ferries will run every twenty minutes between the terminal and the old town.");
  }

  @Test
  void should_drop_a_sentence_its_passage_does_not_support_and_record_why() {
    // when
    CitationCheck.Checked c = CitationCheck.check(
        "The bridge will cost 40 million euros [1]. The mayor resigned after a corruption scandal [2].", passages);

    // then
    assertThat(c.claims()).extracting(CitationCheck.Claim::sentence).containsExactly("The bridge will cost 40 million euros.");
    assertThat(c.checks()).hasSize(2);
    assertThat(c.checks().get(1).supported()).isFalse();
    assertThat(c.checks().get(1).support()).isLessThan(SupportCheck.THRESHOLD);
    assertThat(c.checks().get(1).sentence()).isEqualTo("The mayor resigned after a corruption scandal.");
  }

  @Test
  void should_reject_a_claim_whose_number_the_passage_does_not_hold() {
    CitationCheck.Checked c = CitationCheck.check("The bridge will cost 90 million euros [1].", passages);

    assertThat(c.empty()).isTrue();
    assertThat(c.checks().getFirst().supported()).isFalse();
  }

  @Test
  void should_drop_uncited_sentences_and_rejoin_a_marker_cut_off_after_the_full_stop() {
    CitationCheck.Checked c = CitationCheck.check(
        "Here is what I found.\n- Tickets cost two euros for adults. [3]", passages);

    assertThat(c.claims()).singleElement().satisfies(cl -> {
      assertThat(cl.sentence()).isEqualTo("Tickets cost two euros for adults.");
      assertThat(cl.cited()).containsExactly(1);
    });
    assertThat(c.checks().getFirst().supported()).isFalse();
  }

  @Test
  void should_quote_consecutive_supporting_sentences_as_one_span() {
    CitationCheck.Checked c = CitationCheck.check(
        "The council voted to build a bridge across the Vessel river [1]. It will cost 40 million euros [1].", passages);

    assertThat(c.citations()).singleElement().satisfies(cit -> assertThat(cit.quote()).isEqualTo(
        "The city council voted on Tuesday to build a new bridge across the Vessel river. "
            + "The bridge will cost 40 million euros and open in 2017."));
  }

  @Test
  void should_quote_a_wire_report_under_its_source_without_the_dateline() {
    // given
    List<ScoredPassage> wire = List.of(new ScoredPassage(Fixtures.passage("wire", "Ferry strike ends",
        "LISBON (AP) — Ferry crews ended their strike on Monday after a pay deal. Boats run again today.",
        Optional.empty(), Optional.empty(), 0), 1f));

    // when
    CitationCheck.Checked c = CitationCheck.check("The ferry crews ended their strike after a pay deal [1].", wire);

    // then
    assertThat(c.citations()).singleElement().satisfies(cit -> assertThat(cit.quote())
        .isEqualTo("Ferry crews ended their strike on Monday after a pay deal."));
  }
}

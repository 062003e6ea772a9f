package org.newsdesk.retrieval.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.newsdesk.config.IngestConfig;

class BoilerplateTest {
  private final Boilerplate boilerplate = new Boilerplate(IngestConfig.defaults());

  private static final String APPEAL_1 = "The Harbour Post is funded by its readers, and every contribution keeps "
      + "our reporters on the quays and in the council chamber.";
  private static final String APPEAL_2 = "Please consider a monthly gift so that local news stays free to read for "
      + "everyone in the harbour towns.";

  private static RawArticle raw(String id, String... paragraphs) {
    return new RawArticle(id, "Headline of " + id, Optional.empty(), Optional.empty(), Optional.empty(),
        List.of(paragraphs), id + ".txt");
  }

  /** Counts as the indexer keeps them: for each fingerprint, how many of these articles contain it. */
  private static Map<Long, Integer> counts(RawArticle... corpus) {
    Map<Long, Integer> counts = new HashMap<>();
    for (RawArticle a : corpus) {
      for (long fp : Boilerplate.fingerprints(a)) counts.merge(fp, 1, Integer::sum);
    }
    return counts;
  }

  private List<String> cleaned(RawArticle a, Map<Long, Integer> counts) {
    return List.of(boilerplate.clean(a, fp -> counts.getOrDefault(fp, 0)).orElseThrow().text().split("\n\n"));
  }

  @Test
  void should_give_equal_fingerprints_when_paragraphs_differ_only_in_case_spacing_and_quotes() {
    assertThat(Boilerplate.fingerprint("\u201CWe\u2019re  ready,\u201D she said."))
        .isEqualTo(Boilerplate.fingerprint("\"we're ready,\" She said"));
    assertThat(Boilerplate.fingerprint("We are ready.")).isNotEqualTo(Boilerplate.fingerprint("We are not ready."));
  }

  @Test
  void should_drop_a_paragraph_when_it_repeats_across_articles() {
    RawArticle ferry = raw("ferry", "The night ferry to Eastholm will run again from June, the operator said on Tuesday.",
        "Tickets will cost 12 euros, and bicycles will travel free of charge on every crossing.", APPEAL_1, APPEAL_2);
    RawArticle market = raw("market", "The city has sold the old market hall to a housing cooperative for 3.4 million euros.",
        "The cooperative plans 40 flats and a ground-floor cafe facing the quay.", APPEAL_1, APPEAL_2);
    Map<Long, Integer> counts = counts(ferry, market);

    assertThat(cleaned(ferry, counts)).containsExactly(
        "The night ferry to Eastholm will run again from June, the operator said on Tuesday.",
        "Tickets will cost 12 euros, and bicycles will travel free of charge on every crossing.");
    assertThat(cleaned(market, counts)).doesNotContain(APPEAL_1, APPEAL_2).hasSize(2);
  }

  @Test
  void should_keep_a_quoted_sentence_in_both_articles_when_it_sits_in_different_paragraphs() {
    String quote = "\"The harbour will be dredged before the summer,\" the port director said.";
    RawArticle one = raw("one", "Ships have run aground twice this month in the inner harbour. " + quote,
        "The dredging will cost 800,000 euros.");
    RawArticle two = raw("two", quote + " Fishermen welcomed the news at a meeting on Monday evening.",
        "The last dredging took place in 2011.");
    Map<Long, Integer> counts = counts(one, two);

    assertThat(String.join(" ", cleaned(one, counts))).contains(quote);
    assertThat(String.join(" ", cleaned(two, counts))).contains(quote);
  }

  @Test
  void should_keep_a_syndicated_story_intact_in_both_outlets() {
    String[] story = {
        "Storm Elin brought gusts of 120 kilometres an hour to the coast on Sunday night, cutting power to 9,000 homes.",
        "Ferries between the islands were cancelled until Monday afternoon, the operator said.",
        "\"We have not seen wind like this since 1999,\" said the harbour master, Ida Holm.",
        "Repair crews expect to restore power to all homes by Tuesday."};
    RawArticle wire = raw("wire", story);
    List<String> local = new ArrayList<>(List.of(story));
    local.add("The Harbour Post's own office in Eastholm lost its roof tiles in the storm as well.");
    RawArticle post = raw("post", local.toArray(String[]::new));
    Map<Long, Integer> counts = counts(wire, post);

    assertThat(cleaned(wire, counts)).containsExactly(story);
    assertThat(cleaned(post, counts)).containsExactlyElementsOf(local);
  }

  @Test
  void should_drop_the_outlet_appeal_from_a_syndicated_copy_when_the_appeal_is_in_more_articles() {
    String[] story = {
        "Storm Elin brought gusts of 120 kilometres an hour to the coast on Sunday night, cutting power to 9,000 homes.",
        "Ferries between the islands were cancelled until Monday afternoon, the operator said."};
    RawArticle wire = raw("wire", story);
    RawArticle post = raw("post", story[0], story[1], APPEAL_1);
    RawArticle other = raw("other", "The sailing school opens for the season on the first of May.", APPEAL_1);
    RawArticle third = raw("third", "The lifeboat crew trained with a helicopter on Saturday.", APPEAL_1);
    Map<Long, Integer> counts = counts(wire, post, other, third);

    assertThat(cleaned(post, counts)).containsExactly(story);
  }

  @Test
  void should_keep_a_short_shared_sentence_when_it_is_ordinary_reporting() {
    RawArticle one = raw("one", "The council approved the new parking fees for the harbour district on Monday.",
        "Nobody was hurt.");
    RawArticle two = raw("two", "A fire broke out in a warehouse on the north quay late on Saturday evening.",
        "Nobody was hurt.");
    Map<Long, Integer> counts = counts(one, two);

    assertThat(cleaned(one, counts)).contains("Nobody was hurt.");
    assertThat(cleaned(two, counts)).contains("Nobody was hurt.");
  }

  @Test
  void should_return_empty_when_an_article_is_nothing_but_a_shared_appeal() {
    String appeal = "Your support keeps the Harbour Post on the quays: become a supporter for three euros a month.";
    RawArticle page = raw("support-page", appeal);
    RawArticle story = raw("story", "The ferry runs again from June, the operator said on Tuesday.", appeal);
    Map<Long, Integer> counts = counts(page, story);

    assertThat(boilerplate.clean(page, fp -> counts.getOrDefault(fp, 0))).isEmpty();
  }

  @Test
  void should_drop_stray_lines_chrome_and_repeats_when_cleaning_one_article() {
    ParagraphFilter filter = new ParagraphFilter(List.of());
    List<String> kept = filter.filter("Quay works begin", List.of(
        "Quay works begin",
        "\u00D7", "Once", "Dear readers,", "See also:", "Remind me later.", "Not ready to support today?",
        "Harbour, Ferries, Council Elections", "Mayor Opens New Fish Market on the Quay",
        "Work on the north quay began on Monday and will last until October.",
        "Cranes lift the first concrete blocks onto the",
        "Cranes lift the first concrete blocks onto the north quay on Monday",
        "Cranes lift the first concrete blocks onto the north quay on Monday",
        "Work  on the north quay began on Monday and will last until October."));
    assertThat(kept).containsExactly(
        "Work on the north quay began on Monday and will last until October.",
        "Cranes lift the first concrete blocks onto the north quay on Monday");
  }
}

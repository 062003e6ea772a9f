package org.newsdesk.retrieval.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.newsdesk.config.IngestConfig;
import org.newsdesk.retrieval.Passage;

class PassageSplitterTest {
  private static final IngestConfig SMALL = new IngestConfig(10, 25, List.of(), 1_000_000);

  private static Article article(String text) {
    return new Article("a1", "Tram line opens", Optional.of(URI.create("https://example.org/a1")),
        Optional.of(LocalDate.of(2025, 6, 2)), Optional.of("Courier"), text);
  }

  /** A sentence of exactly {@code words} words. */
  private static String sentence(String first, int words) {
    StringBuilder b = new StringBuilder(first);
    for (int i = 1; i < words; i++) b.append(" w").append(i);
    return b.append('.').toString();
  }

  @Test
  void should_cut_at_paragraph_ends_once_the_minimum_is_reached() {
    String p1 = sentence("Alpha", 6) + " " + sentence("Beta", 6);
    String p2 = sentence("Gamma", 12);
    String p3 = sentence("Delta", 11);
    List<Passage> passages = new PassageSplitter(SMALL).split(article(p1 + "\n\n" + p2 + "\n\n" + p3));
    assertThat(passages).extracting(Passage::text).containsExactly(p1, p2, p3);
    assertThat(passages).extracting(Passage::ordinal).containsExactly(0, 1, 2);
  }

  @Test
  void should_cut_inside_a_paragraph_only_before_a_sentence_that_would_pass_the_maximum() {
    String s1 = sentence("Alpha", 12);
    String s2 = sentence("Beta", 12);
    String s3 = sentence("Gamma", 12);
    List<Passage> passages = new PassageSplitter(SMALL).split(article(s1 + " " + s2 + " " + s3));
    assertThat(passages).extracting(Passage::text).containsExactly(s1 + " " + s2, s3);
  }

  @Test
  void should_merge_a_short_remainder_into_the_previous_passage_when_it_fits() {
    String p1 = sentence("Alpha", 15);
    String p2 = sentence("Beta", 4);
    List<Passage> passages = new PassageSplitter(SMALL).split(article(p1 + "\n\n" + p2));
    assertThat(passages).extracting(Passage::text).containsExactly(p1 + "\n\n" + p2);
  }

  @Test
  void should_keep_a_sentence_whole_when_it_is_longer_than_the_maximum() {
    String longOne = sentence("Alpha", 40);
    List<Passage> passages = new PassageSplitter(SMALL).split(article(sentence("Beta", 12) + " " + longOne));
    assertThat(passages).extracting(Passage::text).containsExactly(sentence("Beta", 12), longOne);
  }

  @Test
  void should_carry_headline_and_metadata_into_every_passage() {
    Passage p = new PassageSplitter(SMALL).split(article(sentence("Alpha", 12))).get(0);
    assertThat(p.articleId()).isEqualTo("a1");
    assertThat(p.title()).isEqualTo("Tram line opens");
    assertThat(p.url()).contains(URI.create("https://example.org/a1"));
    assertThat(p.published()).contains(LocalDate.of(2025, 6, 2));
    assertThat(p.source()).contains("Courier");
    assertThat(p.text()).doesNotContain("Tram line opens");
  }

  @Test
  void should_hold_offsets_word_bounds_and_whole_sentences_when_text_is_random() {
    Random random = new Random(42);
    IngestConfig config = IngestConfig.defaults();
    PassageSplitter splitter = new PassageSplitter(config);
    for (int round = 0; round < 200; round++) {
      List<String> paragraphs = new ArrayList<>();
      int count = 1 + random.nextInt(12);
      for (int i = 0; i < count; i++) {
        StringBuilder p = new StringBuilder();
        int sentences = 1 + random.nextInt(6);
        for (int s = 0; s < sentences; s++) {
          if (s > 0) p.append(' ');
          p.append(sentence("Word" + s, 3 + random.nextInt(45)));
        }
        paragraphs.add(p.toString());
      }
      Article a = article(String.join("\n\n", paragraphs));
      List<Passage> passages = splitter.split(a);
      List<String> sentences = Sentences.split(a.text()).stream().map(s -> s.of(a.text())).toList();
      int covered = 0;
      for (int i = 0; i < passages.size(); i++) {
        Passage p = passages.get(i);
        assertThat(p.ordinal()).isEqualTo(i);
        assertThat(a.text().substring(p.start(), p.end())).isEqualTo(p.text());
        assertThat(Text.wordCount(p.text())).isLessThanOrEqualTo(config.passageMaxWords());
        if (i < passages.size() - 1) assertThat(Text.wordCount(p.text())).isGreaterThanOrEqualTo(config.passageMinWords());
        for (Span s : Sentences.split(p.text())) assertThat(sentences).contains(s.of(p.text()));
        covered += Sentences.split(p.text()).size();
      }
      assertThat(covered).isEqualTo(sentences.size());
    }
  }
}

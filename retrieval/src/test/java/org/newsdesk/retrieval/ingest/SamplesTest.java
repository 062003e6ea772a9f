package org.newsdesk.retrieval.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.newsdesk.config.IngestConfig;

/** The articles that ship in {@code samples/} load cleanly in every format. */
class SamplesTest {
  private final CorpusLoader.LoadedCorpus corpus = CorpusLoader.load(Path.of("../samples"), IngestConfig.defaults());

  @Test
  void should_load_every_sample_in_every_format_when_indexing_the_samples() {
    assertThat(corpus.rejections()).isEmpty();
    assertThat(corpus.articles()).extracting(Article::id).containsExactlyInAnyOrder(
        "riverside-tram-approved-2023", "riverside-tram-delayed-2025", "ashwell-flood-2024",
        "2025-04-10-central-library-reopens.html", "bike-share-expansion-2024", "flood-defences-funding-2025");
    assertThat(corpus.articles()).allSatisfy(a -> {
      assertThat(a.url()).isPresent();
      assertThat(a.published()).isPresent();
      assertThat(a.source()).isPresent();
    });
  }

  @Test
  void should_carry_different_facts_in_different_years_when_the_tram_is_reported_twice() {
    Article before = article("riverside-tram-approved-2023");
    Article after = article("riverside-tram-delayed-2025");
    assertThat(before.published()).contains(LocalDate.of(2023, 3, 14));
    assertThat(after.published()).contains(LocalDate.of(2025, 6, 2));
    assertThat(before.text()).contains("14 stops", "180 million euros", "autumn of 2026");
    assertThat(after.text()).contains("16 stops", "236 million euros", "spring of 2027");
  }

  @Test
  void should_drop_the_repeated_appeal_and_page_chrome_when_cleaning_the_samples() {
    assertThat(corpus.passages()).noneMatch(p -> p.text().contains("small newsroom"))
        .noneMatch(p -> p.text().contains("monthly contribution"))
        .noneMatch(p -> p.text().contains("Support local journalism"))
        .noneMatch(p -> p.text().contains("Sign up for our newsletter"))
        .noneMatch(p -> p.text().contains("restored glass roof"))
        .noneMatch(p -> p.text().contains("Share on"))
        .noneMatch(p -> p.text().contains("Related stories"));
    assertThat(article("2025-04-10-central-library-reopens.html").title())
        .isEqualTo("Central library reopens after two-year renovation");
    assertThat(article("2025-04-10-central-library-reopens.html").source()).isEqualTo(Optional.of("Valley Herald"));
  }

  private Article article(String id) {
    return corpus.articles().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
  }
}

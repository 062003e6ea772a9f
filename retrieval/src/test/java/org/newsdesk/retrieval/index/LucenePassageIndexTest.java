package org.newsdesk.retrieval.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsdesk.config.RetrievalConfig;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.search.PassageHit;
import org.newsdesk.retrieval.search.ScoredPassage;

/** The word ranking of the Lucene index, its statistics and its refresh. */
class LucenePassageIndexTest {
  @TempDir Path tmp;

  private Path index() {
    return tmp.resolve("data/index");
  }

  private LucenePassageIndex indexedThree() throws IOException {
    Reindex.once(index(), ThreeArticles.write(tmp.resolve("articles")));
    return new LucenePassageIndex(index(), RetrievalConfig.defaults());
  }

  private static List<String> ids(List<ScoredPassage> hits) {
    return hits.stream().map(h -> h.passage().articleId()).toList();
  }

  @Test
  void should_rank_the_matching_article_first_when_asked_in_other_word_forms() throws IOException {
    try (LucenePassageIndex lucene = indexedThree()) {
      List<ScoredPassage> hits = lucene.lexical("When will they start constructing the trams?", 3);

      assertThat(hits).isNotEmpty();
      assertThat(hits.get(0).passage().articleId()).contains("trams");
      assertThat(hits).isSortedAccordingTo((a, b) -> Float.compare(b.score(), a.score()));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tram AND (", "***", "\"", "🚋🚋🚋", "the and of is it", "", "   ", "\u0000\uFFFF",
      "title:tram^10 OR text:*", "(((((", "bank~2 -rates +"})
  void should_return_a_list_and_never_throw_when_the_question_is_hostile(String question) throws IOException {
    try (LucenePassageIndex lucene = indexedThree()) {
      assertThatCode(() -> lucene.lexical(question, 5)).doesNotThrowAnyException();
    }
  }

  @Test
  void should_treat_query_syntax_as_words_when_the_question_has_operators() throws IOException {
    try (LucenePassageIndex lucene = indexedThree()) {
      assertThat(ids(lucene.lexical("tram AND (", 1))).containsExactly("trams.txt");
      assertThat(ids(lucene.lexical("bank~2 -rates +", 1))).containsExactly("bank.txt");
    }
  }

  @Test
  void should_find_nothing_when_the_question_has_only_stop_words_or_symbols() throws IOException {
    try (LucenePassageIndex lucene = indexedThree()) {
      assertThat(lucene.lexical("the and of is it", 5)).isEmpty();
      assertThat(lucene.lexical("***", 5)).isEmpty();
      assertThat(lucene.lexical("\"", 5)).isEmpty();
      assertThat(lucene.lexical("🚋🚋🚋", 5)).isEmpty();
    }
  }

  @Test
  void should_answer_within_the_clause_limit_when_the_question_has_ten_thousand_characters() throws IOException {
    StringBuilder sb = new StringBuilder("flood river valley ");
    for (int i = 0; sb.length() < 10_000; i++) sb.append("word").append(i).append(' ');

    try (LucenePassageIndex lucene = indexedThree()) {
      List<ScoredPassage> hits = lucene.lexical(sb.substring(0, 10_000), 5);

      assertThat(hits).isNotEmpty();
      assertThat(hits.get(0).passage().articleId()).isEqualTo("weather/floods.txt");
    }
  }

  @Test
  void should_find_an_article_by_its_headline_when_the_word_is_only_there() throws IOException {
    try (LucenePassageIndex lucene = indexedThree()) {
      // "villages" is in the flood headline only; the body says "residents" and "houses".
      List<ScoredPassage> hits = lucene.lexical("villages", 5);

      assertThat(ids(hits)).isNotEmpty().allMatch(id -> id.equals("weather/floods.txt"));
    }
  }

  @Test
  void should_rank_words_found_together_higher_when_phrases_are_boosted() throws IOException {
    Path articles = tmp.resolve("articles");
    ThreeArticles.write(articles.resolve("apart.txt"), "Weekly digest\n\n"
        + "The bank closed early. Rates at the central post office were posted by the mayor.\n");
    ThreeArticles.write(articles.resolve("together.txt"), "Weekly digest\n\n"
        + "The central bank closed early. Rates at the post office were posted by the mayor.\n");
    Reindex.once(index(), articles);
    RetrievalConfig config = RetrievalConfig.defaults();
    RetrievalConfig withoutPhrases = config.withPhraseBoost(0f);

    try (LucenePassageIndex phrases = new LucenePassageIndex(index(), config);
         LucenePassageIndex plain = new LucenePassageIndex(index(), withoutPhrases)) {
      List<ScoredPassage> ranked = phrases.lexical("central bank", 2);
      List<ScoredPassage> flat = plain.lexical("central bank", 2);

      assertThat(ids(ranked)).containsExactly("together.txt", "apart.txt");
      assertThat(flat.get(0).score()).isEqualTo(flat.get(1).score());
    }
  }

  @Test
  void should_rank_and_read_passages_indexed_before_they_had_key_and_date_doc_values() throws IOException {
    Passage dated = new Passage("tram.md", 2, "Tram line opens", "The harbour tram line opened on Monday.",
        Optional.empty(), Optional.of(LocalDate.of(2025, 3, 3)), Optional.empty(), 0, 39);
    Passage undated = new Passage("bank.md", 0, "Bank raises rates", "The central bank raised its main rate.",
        Optional.empty(), Optional.empty(), Optional.empty(), 0, 38);
    try (FSDirectory dir = FSDirectory.open(index());
         IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new NewsAnalyzer()))) {
      for (Passage p : List.of(dated, undated)) {
        Document d = PassageDocuments.toDocument(p, p.articleId());
        d.removeFields(IndexFields.KEY);
        d.removeFields(IndexFields.PUBLISHED_DAY);
        writer.addDocument(d);
      }
      writer.commit();
    }

    try (LucenePassageIndex lucene = new LucenePassageIndex(index(), RetrievalConfig.defaults());
         PassageRankings view = lucene.rankings()) {
      List<PassageHit> tram = view.lexical("harbour tram", 5);
      List<PassageHit> bank = view.lexical("central bank", 5);

      assertThat(tram).singleElement().satisfies(h -> {
        assertThat(h.key()).isEqualTo("tram.md#2");
        assertThat(h.published()).contains(LocalDate.of(2025, 3, 3));
      });
      assertThat(bank).singleElement().satisfies(h -> assertThat(h.published()).isEmpty());
      assertThat(view.passages(List.of(bank.getFirst(), tram.getFirst()))).extracting(ScoredPassage::passage)
          .containsExactly(undated, dated);
    }
  }

  @Test
  void should_return_nothing_when_there_is_no_index_yet() throws IOException {
    try (LucenePassageIndex lucene = new LucenePassageIndex(index(), RetrievalConfig.defaults())) {
      assertThat(lucene.hasIndex()).isFalse();
      assertThat(lucene.lexical("tram", 5)).isEmpty();
      assertThat(lucene.stats().articles()).isZero();
    }
  }

  @Test
  void should_see_a_commit_from_another_writer_when_the_refresh_interval_has_passed() throws Exception {
    RetrievalConfig config = RetrievalConfig.defaults();
    RetrievalConfig fast = config.withRefreshInterval(Duration.ofMillis(100));
    Path articles = tmp.resolve("articles");
    ThreeArticles.write(articles.resolve("bank.txt"), ThreeArticles.BANK);
    Reindex.once(index(), articles);

    try (LucenePassageIndex lucene = new LucenePassageIndex(index(), fast)) {
      assertThat(lucene.lexical("tram harbour", 5)).isEmpty();
      ThreeArticles.write(articles.resolve("trams.txt"), ThreeArticles.TRAM);
      Reindex.once(index(), articles);

      Thread.sleep(400);

      assertThat(ids(lucene.lexical("tram harbour", 5))).contains("trams.txt");
      assertThat(lucene.stats().articles()).isEqualTo(2);
    }
  }

  @Test
  void should_open_the_index_when_it_appears_after_the_searcher_started() throws Exception {
    RetrievalConfig config = RetrievalConfig.defaults();
    RetrievalConfig fast = config.withRefreshInterval(Duration.ofMillis(100));
    try (LucenePassageIndex lucene = new LucenePassageIndex(index(), fast)) {
      Reindex.once(index(), ThreeArticles.write(tmp.resolve("articles")));

      Thread.sleep(400);

      assertThat(lucene.hasIndex()).isTrue();
      assertThat(ids(lucene.lexical("interest rates", 1))).containsExactly("bank.txt");
    }
  }

  @Test
  void should_return_a_passage_of_the_summit_story_first_when_asked_about_the_nato_summit() throws IOException {
    Reindex.once(index(), ThreeArticles.seeds());
    try (LucenePassageIndex lucene = new LucenePassageIndex(index(), RetrievalConfig.defaults())) {
      List<ScoredPassage> hits = lucene.lexical("Where is Biden travelling for the emergency NATO summit?", 5);

      assertThat(hits.get(0).passage().articleId()).startsWith("003_");
    }
  }
}

package org.newsdesk.retrieval.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsdesk.config.IngestConfig;
import org.newsdesk.config.RetrievalConfig;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.index.ArticleIndexer;
import org.newsdesk.retrieval.index.ThreeArticles;

class LucenePassageSearcherTest {
  @TempDir Path tmp;

  private Path index() {
    return tmp.resolve("data/index");
  }

  private LucenePassageSearcher indexedThree() throws IOException {
    new ArticleIndexer(index(), IngestConfig.defaults()).reindex(ThreeArticles.write(tmp.resolve("articles")));
    return new LucenePassageSearcher(index(), RetrievalConfig.defaults());
  }

  private static List<String> ids(List<ScoredPassage> hits) {
    return hits.stream().map(h -> h.passage().articleId()).toList();
  }

  @Test
  void should_rank_the_matching_article_first_when_asked_in_other_word_forms() throws IOException {
    try (LucenePassageSearcher searcher = indexedThree()) {
      List<ScoredPassage> hits = searcher.search("When will they start constructing the trams?", 3);

      assertThat(hits).isNotEmpty();
      assertThat(hits.get(0).passage().articleId()).contains("trams");
      assertThat(hits).isSortedAccordingTo((a, b) -> Float.compare(b.score(), a.score()));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tram AND (", "***", "\"", "🚋🚋🚋", "the and of is it", "", "   ", "\u0000\uFFFF",
      "title:tram^10 OR text:*", "(((((", "bank~2 -rates +"})
  void should_return_a_list_and_never_throw_when_the_question_is_hostile(String question) throws IOException {
    try (LucenePassageSearcher searcher = indexedThree()) {
      assertThatCode(() -> searcher.search(question, 5)).doesNotThrowAnyException();
    }
  }

  @Test
  void should_treat_query_syntax_as_words_when_the_question_has_operators() throws IOException {
    try (LucenePassageSearcher searcher = indexedThree()) {
      assertThat(ids(searcher.search("tram AND (", 1))).containsExactly("trams.txt");
      assertThat(ids(searcher.search("bank~2 -rates +", 1))).containsExactly("bank.txt");
    }
  }

  @Test
  void should_find_nothing_when_the_question_has_only_stop_words_or_symbols() throws IOException {
    try (LucenePassageSearcher searcher = indexedThree()) {
      assertThat(searcher.search("the and of is it", 5)).isEmpty();
      assertThat(searcher.search("***", 5)).isEmpty();
      assertThat(searcher.search("\"", 5)).isEmpty();
      assertThat(searcher.search("🚋🚋🚋", 5)).isEmpty();
    }
  }

  @Test
  void should_answer_within_the_clause_limit_when_the_question_has_ten_thousand_characters() throws IOException {
    StringBuilder sb = new StringBuilder("flood river valley ");
    for (int i = 0; sb.length() < 10_000; i++) sb.append("word").append(i).append(' ');

    try (LucenePassageSearcher searcher = indexedThree()) {
      List<ScoredPassage> hits = searcher.search(sb.substring(0, 10_000), 5);

      assertThat(hits).isNotEmpty();
      assertThat(hits.get(0).passage().articleId()).isEqualTo("weather/floods.txt");
    }
  }

  @Test
  void should_find_an_article_by_its_headline_when_the_word_is_only_there() throws IOException {
    try (LucenePassageSearcher searcher = indexedThree()) {
      // "villages" is in the flood headline only; the body says "residents" and "houses".
      List<ScoredPassage> hits = searcher.search("villages", 5);

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
    new ArticleIndexer(index(), IngestConfig.defaults()).reindex(articles);
    RetrievalConfig config = RetrievalConfig.defaults();
    RetrievalConfig withoutPhrases = new RetrievalConfig(config.topK(), config.k1(), config.b(), config.titleBoost(),
        0f, config.refreshInterval());

    try (LucenePassageSearcher phrases = new LucenePassageSearcher(index(), config);
         LucenePassageSearcher plain = new LucenePassageSearcher(index(), withoutPhrases)) {
      List<ScoredPassage> ranked = phrases.search("central bank", 2);
      List<ScoredPassage> flat = plain.search("central bank", 2);

      assertThat(ids(ranked)).containsExactly("together.txt", "apart.txt");
      assertThat(flat.get(0).score()).isEqualTo(flat.get(1).score());
    }
  }

  @Test
  void should_return_nothing_when_there_is_no_index_yet() throws IOException {
    try (LucenePassageSearcher searcher = new LucenePassageSearcher(index(), RetrievalConfig.defaults())) {
      assertThat(searcher.hasIndex()).isFalse();
      assertThat(searcher.search("tram", 5)).isEmpty();
      assertThat(searcher.stats().articles()).isZero();
    }
  }

  @Test
  void should_see_a_commit_from_another_writer_when_the_refresh_interval_has_passed() throws Exception {
    RetrievalConfig config = RetrievalConfig.defaults();
    RetrievalConfig fast = new RetrievalConfig(config.topK(), config.k1(), config.b(), config.titleBoost(),
        config.phraseBoost(), Duration.ofMillis(100));
    Path articles = tmp.resolve("articles");
    ThreeArticles.write(articles.resolve("bank.txt"), ThreeArticles.BANK);
    new ArticleIndexer(index(), IngestConfig.defaults()).reindex(articles);

    try (LucenePassageSearcher searcher = new LucenePassageSearcher(index(), fast)) {
      assertThat(searcher.search("tram harbour", 5)).isEmpty();
      ThreeArticles.write(articles.resolve("trams.txt"), ThreeArticles.TRAM);
      new ArticleIndexer(index(), IngestConfig.defaults()).reindex(articles);

      Thread.sleep(400);

      assertThat(ids(searcher.search("tram harbour", 5))).contains("trams.txt");
      assertThat(searcher.stats().articles()).isEqualTo(2);
    }
  }

  @Test
  void should_open_the_index_when_it_appears_after_the_searcher_started() throws Exception {
    RetrievalConfig config = RetrievalConfig.defaults();
    RetrievalConfig fast = new RetrievalConfig(config.topK(), config.k1(), config.b(), config.titleBoost(),
        config.phraseBoost(), Duration.ofMillis(100));
    try (LucenePassageSearcher searcher = new LucenePassageSearcher(index(), fast)) {
      new ArticleIndexer(index(), IngestConfig.defaults()).reindex(ThreeArticles.write(tmp.resolve("articles")));

      Thread.sleep(400);

      assertThat(searcher.hasIndex()).isTrue();
      assertThat(ids(searcher.search("interest rates", 1))).containsExactly("bank.txt");
    }
  }

  @Test
  void should_pick_the_sentence_sharing_the_question_terms_when_asked_for_the_best_sentence() throws IOException {
    try (LucenePassageSearcher searcher = indexedThree()) {
      String question = "How often will the trams run at peak hours?";
      Passage passage = searcher.search(question, 1).get(0).passage();

      MatchedSentence sentence = searcher.bestSentence(question, passage);

      assertThat(sentence.text()).isEqualTo("The line will have eleven stops and run every six minutes at peak hours.");
      assertThat(passage.text().substring(sentence.start() - passage.start(), sentence.end() - passage.start()))
          .isEqualTo(sentence.text());
    }
  }

  @Test
  void should_return_a_passage_of_the_summit_story_first_when_asked_about_the_nato_summit() throws IOException {
    new ArticleIndexer(index(), IngestConfig.defaults()).reindex(ThreeArticles.seeds());
    try (LucenePassageSearcher searcher = new LucenePassageSearcher(index(), RetrievalConfig.defaults())) {
      List<ScoredPassage> hits = searcher.search("Where is Biden travelling for the emergency NATO summit?", 5);

      assertThat(hits.get(0).passage().articleId()).startsWith("003_");
    }
  }
}

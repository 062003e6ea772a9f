package org.newsdesk.retrieval.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.config.Fusion;
import org.newsdesk.config.HybridConfig;
import org.newsdesk.config.IngestConfig;
import org.newsdesk.config.RetrievalConfig;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.index.ArticleIndexer;
import org.newsdesk.retrieval.index.IndexMismatchException;
import org.newsdesk.retrieval.index.LucenePassageIndex;
import org.newsdesk.retrieval.index.ThreeArticles;

/** Words and meaning fused over a real index of the three articles, with a stand-in model that knows three topics. */
class HybridSearcherTest {
  private static final HybridConfig DENSE = RetrievalConfig.defaults().hybrid();

  @TempDir Path tmp;
  private LucenePassageIndex index;

  /**
   * Meaning as this test defines it: a text is about money, water (weighing double) or transport
   * if it holds one of their words (as they are: "banks" is not "bank"), so "the weather" is near the flood story though no article
   * says "weather". Records what it embeds.
   */
  static final class Topics implements EmbeddingModel {
    final List<String> embedded = Collections.synchronizedList(new ArrayList<>());
    private final String name;

    Topics(String name) {
      this.name = name;
    }

    static float[] vector(String text) {
      List<String> t = List.of(text.toLowerCase(Locale.ROOT).split("[^a-z]+"));
      float[] v = {0.05f, 0.05f, 0.05f, 0.05f};
      if (t.stream().anyMatch(List.of("bank", "interest", "rate", "inflation", "money")::contains)) v[0] += 1;
      if (t.stream().anyMatch(List.of("rain", "flood", "river", "weather", "water")::contains)) v[1] += 2;
      if (t.stream().anyMatch(List.of("tram", "bus", "station", "transport")::contains)) v[2] += 1;
      return v;
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
      segments.forEach(s -> embedded.add(s.text()));
      return Response.from(segments.stream().map(s -> Embedding.from(vector(s.text()))).toList());
    }

    @Override
    public String modelName() {
      return name;
    }

    @Override
    public int dimension() {
      return 4;
    }
  }

  private final Topics topics = new Topics("topics");

  private LucenePassageIndex indexed(Optional<EmbeddingModel> model) throws IOException {
    index = new LucenePassageIndex(tmp.resolve("data/index"), RetrievalConfig.defaults());
    new ArticleIndexer(index, IngestConfig.defaults(), model).reindex(ThreeArticles.write(tmp.resolve("articles")));
    index.refresh();
    return index;
  }

  @AfterEach
  void close() throws IOException {
    if (index != null) index.close();
  }

  private static List<String> ids(List<ScoredPassage> hits) {
    return hits.stream().map(h -> h.passage().articleId()).toList();
  }

  private static List<String> hitIds(List<PassageHit> hits) {
    return hits.stream().map(h -> h.key().substring(0, h.key().indexOf('#'))).toList();
  }

  private static PassageHit hit(String id) {
    return hit(id, 1f);
  }

  private static PassageHit dated(String id, LocalDate published) {
    return new PassageHit(Passage.key(id, 0), Optional.of(published), 1f);
  }

  private static PassageHit hit(String id, float score) {
    return new PassageHit(Passage.key(id, 0), Optional.empty(), score);
  }

  @Test
  void should_order_by_weighted_reciprocal_rank_when_fusing_two_rankings() {
    List<PassageHit> words = List.of(hit("a"), hit("b"), hit("c"));
    List<PassageHit> meaning = List.of(hit("c"), hit("a"), hit("d"));

    List<PassageHit> equal = HybridSearcher.best(HybridSearcher.fuseByRank(words, meaning, 1f, 60), 10);
    List<PassageHit> meaningHeavy = HybridSearcher.best(HybridSearcher.fuseByRank(words, meaning, 3f, 60), 10);

    // a: 1/61 + 1/62, c: 1/63 + 1/61, b: 1/62, d: 1/63; scaled so that first in both would be 1.
    assertThat(hitIds(equal)).containsExactly("a", "c", "b", "d");
    assertThat(equal.get(0).score()).isCloseTo((1f / 61 + 1f / 62) / (2f / 61), within(1e-6f));
    // a: 1/61 + 3/62 < c: 1/63 + 3/61
    assertThat(hitIds(meaningHeavy)).containsExactly("c", "a", "d", "b");
    assertThat(hitIds(HybridSearcher.best(HybridSearcher.fuseByRank(words, meaning, 0f, 60), 2))).containsExactly("a", "b");
  }

  @Test
  void should_keep_a_passage_far_ahead_by_its_words_first_when_fusing_scores() {
    // BM25 puts "a" far ahead; meaning puts "b" just ahead of "a". Ranks alone would put "b" first.
    List<PassageHit> words = List.of(hit("a", 30f), hit("b", 12f), hit("c", 10f));
    List<PassageHit> meaning = List.of(hit("b", 0.90f), hit("a", 0.89f), hit("d", 0.70f));

    List<PassageHit> fused = HybridSearcher.best(HybridSearcher.fuseByScore(words, meaning, 2f), 10);

    assertThat(hitIds(fused)).containsExactly("a", "b", "c", "d");
    assertThat(fused.getFirst().score()).isCloseTo((1f + 2f * 0.95f) / 3f, within(1e-5f));
    assertThat(hitIds(HybridSearcher.best(HybridSearcher.fuseByRank(words, meaning, 2f, 0), 10)).getFirst()).isEqualTo("b");
    assertThat(HybridSearcher.best(HybridSearcher.fuseByScore(List.of(hit("a", 3f)), List.of(hit("a", 0.8f)), 0.5f), 10))
        .singleElement().satisfies(h -> assertThat(h.score()).isCloseTo(1f, within(1e-6f)));
  }

  @Test
  void should_scale_a_score_by_how_near_the_article_was_published_to_the_day_of_asking() {
    RecencyFavour favour = new RecencyFavour(0.5f, 10);
    LocalDate asked = LocalDate.of(2024, 6, 20);

    assertThat(HybridSearcher.favourRecent(dated("same-day", asked), asked, favour).score()).isEqualTo(1f);
    assertThat(HybridSearcher.favourRecent(dated("ten-days-before", asked.minusDays(10)), asked, favour).score())
        .isCloseTo((float) ((1 + 0.5 / Math.E) / 1.5), within(1e-6f));
    assertThat(HybridSearcher.favourRecent(dated("ten-days-after", asked.plusDays(10)), asked, favour).score())
        .isCloseTo((float) ((1 + 0.5 / Math.E) / 1.5), within(1e-6f));
    assertThat(HybridSearcher.favourRecent(hit("undated"), asked, favour).score()).isCloseTo(1 / 1.5f, within(1e-6f));
  }

  /**
   * The three articles and two reports of a tram line's opening: the January one is a little shorter, so it
   * ranks a little higher by words; the June one is later.
   */
  private LucenePassageIndex tramReports() throws IOException {
    Path articles = ThreeArticles.write(tmp.resolve("tram-reports"));
    ThreeArticles.write(articles.resolve("tram-january.md"), """
        ---
        published: 2024-01-10
        ---
        # Tram line to the harbour: opening date

        The tram line to the harbour will open in May, the council said.
        """);
    ThreeArticles.write(articles.resolve("tram-june.md"), """
        ---
        published: 2024-06-18
        ---
        # Tram line to the harbour: opening date

        The tram line to the harbour will open in September, the council said on Tuesday.
        """);
    index = new LucenePassageIndex(tmp.resolve("data/index"), RetrievalConfig.defaults());
    new ArticleIndexer(index, IngestConfig.defaults(), Optional.of(topics)).reindex(articles);
    index.refresh();
    return index;
  }

  private static final String TRAM_QUESTION = "When will the harbour tram line open?";
  /** Recent news favoured by half as much again, fading over two weeks. */
  private static final HybridConfig RECENT = new HybridConfig(true, "", 100, 0.5f, 20, Fusion.LINEAR, 0.5f, 14);

  @Test
  void should_rank_the_report_published_near_the_day_of_asking_first_when_two_say_much_the_same() throws IOException {
    tramReports();
    HybridSearcher undated = new HybridSearcher(index, Optional.of(topics), RECENT.withRecency(0f));
    HybridSearcher recent = new HybridSearcher(index, Optional.of(topics), RECENT);

    assertThat(ids(undated.search(TRAM_QUESTION, 2, LocalDate.of(2024, 6, 20))))
        .containsExactly("tram-january.md", "tram-june.md");
    assertThat(ids(recent.search(TRAM_QUESTION, 2, LocalDate.of(2024, 6, 20))))
        .containsExactly("tram-june.md", "tram-january.md");
    assertThat(ids(recent.search(TRAM_QUESTION, 2, LocalDate.of(2024, 1, 12))))
        .containsExactly("tram-january.md", "tram-june.md");
  }

  @Test
  void should_take_the_day_of_asking_from_its_clock_when_the_caller_does_not_say() throws IOException {
    tramReports();

    HybridSearcher june = new HybridSearcher(index, Optional.of(topics), RECENT, dayClock("2024-06-20"));
    HybridSearcher january = new HybridSearcher(index, Optional.of(topics), RECENT, dayClock("2024-01-12"));

    assertThat(ids(june.search(TRAM_QUESTION, 1))).containsExactly("tram-june.md");
    assertThat(ids(january.search(TRAM_QUESTION, 1))).containsExactly("tram-january.md");
  }

  private static Clock dayClock(String day) {
    return Clock.fixed(Instant.parse(day + "T10:00:00Z"), ZoneOffset.UTC);
  }

  @Test
  void should_find_a_story_by_meaning_when_no_word_of_the_question_is_in_it() throws IOException {
    HybridSearcher hybrid = new HybridSearcher(indexed(Optional.of(topics)), Optional.of(topics), DENSE);

    assertThat(index.lexical("And the weather?", 5)).isEmpty();
    assertThat(ids(hybrid.search("And the weather?", 1))).containsExactly("weather/floods.txt");
    assertThat(topics.embedded).contains("And the weather?");
  }

  @Test
  void should_let_the_weight_decide_between_the_word_ranking_and_the_meaning_ranking() throws IOException {
    indexed(Optional.of(topics));
    String question = "interest rates and the weather";
    HybridSearcher words = new HybridSearcher(index, Optional.of(topics), new HybridConfig(true, "", 100, 0.2f, 1, Fusion.RRF, 0f, 14));
    HybridSearcher meaning = new HybridSearcher(index, Optional.of(topics), new HybridConfig(true, "", 100, 5f, 1, Fusion.RRF, 0f, 14));

    // Words: only the bank story. Meaning: the flood story first, then the bank story.
    assertThat(ids(index.lexical(question, 3))).containsExactly("bank.txt");
    assertThat(ids(index.nearest(Topics.vector(question), 3))).containsExactly("weather/floods.txt", "bank.txt",
        "trams.txt");
    assertThat(ids(words.search(question, 1))).containsExactly("bank.txt");
    assertThat(ids(meaning.search(question, 1))).containsExactly("weather/floods.txt");
  }

  @Test
  void should_count_the_passages_that_use_a_word_as_the_search_by_words_reads_it() throws IOException {
    indexed(Optional.of(topics));
    HybridSearcher searcher = new HybridSearcher(index, Optional.of(topics), DENSE);
    int embeddedBefore = topics.embedded.size();

    assertThat(searcher.uses("bank", 2)).isTrue(); // "bank" and "banks"
    assertThat(searcher.uses("bank", 3)).isFalse();
    assertThat(searcher.uses("harbour", 1)).isTrue();
    assertThat(searcher.uses("zeppelin", 1)).isFalse();
    assertThat(topics.embedded).hasSize(embeddedBefore);
  }

  @Test
  void should_give_the_word_ranking_exactly_and_embed_nothing_when_dense_is_off() throws IOException {
    indexed(Optional.empty());
    HybridSearcher searcher = new HybridSearcher(index, Optional.empty(), DENSE.withDense(false));

    assertThat(searcher.search("When does tram construction start?", 3))
        .isEqualTo(index.lexical("When does tram construction start?", 3));
  }

  @Test
  void should_embed_the_question_after_the_prefix_when_one_is_set() throws IOException {
    indexed(Optional.of(topics));
    HybridSearcher searcher = new HybridSearcher(index, Optional.of(topics),
        new HybridConfig(true, "Represent this sentence for searching relevant passages:", 100, 1f, 60, Fusion.RRF,
            0f, 14));

    searcher.search("  Where will the tram go?  ", 3);

    assertThat(topics.embedded).last()
        .isEqualTo("Represent this sentence for searching relevant passages: Where will the tram go?");
  }

  @Test
  void should_find_nothing_and_embed_nothing_when_the_question_has_no_word() throws IOException {
    indexed(Optional.of(topics));
    HybridSearcher searcher = new HybridSearcher(index, Optional.of(topics), DENSE);
    int before = topics.embedded.size();

    assertThat(searcher.search("***", 5)).isEmpty();
    assertThat(searcher.search("🚋🚋🚋", 5)).isEmpty();
    assertThat(topics.embedded).hasSize(before);
  }

  @Test
  void should_fail_with_the_models_own_error_when_embedding_the_question_fails_beside_the_word_search()
      throws IOException {
    indexed(Optional.of(topics));
    EmbeddingModel failing = new EmbeddingModel() {
      @Override
      public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        throw new IllegalStateException("the model server went away");
      }

      @Override
      public String modelName() {
        return topics.modelName();
      }
    };
    HybridSearcher searcher = new HybridSearcher(index, Optional.of(failing), DENSE);

    assertThatThrownBy(() -> searcher.search("interest rates", 3)).isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("the model server went away");
  }

  @Test
  void should_name_the_model_and_the_rebuild_command_when_the_index_was_built_with_another_model() throws IOException {
    indexed(Optional.of(new Topics("bge-small-en-v1.5-q")));

    assertThatThrownBy(() -> new HybridSearcher(index, Optional.of(topics), DENSE))
        .isInstanceOf(IndexMismatchException.class)
        .hasMessage("the Lucene index at " + tmp.resolve("data/index") + " was built with the embedding model "
            + "bge-small-en-v1.5-q, not topics; rebuild it with: newsdesk index --articles DIR");
  }

  @Test
  void should_say_it_has_no_vectors_and_how_to_rebuild_when_dense_is_on_over_a_words_only_index() throws IOException {
    indexed(Optional.empty());

    assertThatThrownBy(() -> new HybridSearcher(index, Optional.of(topics), DENSE))
        .isInstanceOf(IndexMismatchException.class)
        .hasMessage("the Lucene index at " + tmp.resolve("data/index") + " was built without passage vectors, and "
            + "dense retrieval embeds with topics; rebuild it with: newsdesk index --articles DIR "
            + "(or set newsdesk.retrieval.dense=false)");
    assertThat(new HybridSearcher(index, Optional.empty(), DENSE.withDense(false)).search("tram", 1)).hasSize(1);
  }
}

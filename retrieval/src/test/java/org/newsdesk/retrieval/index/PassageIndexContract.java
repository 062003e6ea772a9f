package org.newsdesk.retrieval.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.config.HybridConfig;
import org.newsdesk.config.IngestConfig;
import org.newsdesk.config.RetrievalConfig;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.embed.EmbeddedText;
import org.newsdesk.retrieval.index.ReindexReport.Bucket;
import org.newsdesk.retrieval.index.ReindexReport.FileResult;
import org.newsdesk.retrieval.search.HybridSearcher;
import org.newsdesk.retrieval.search.PassageHit;
import org.newsdesk.retrieval.search.ScoredPassage;
import org.newsdesk.testkit.WordHashEmbeddingModel;

/**
 * What every {@link PassageIndex} backend must do, run against each one by a subclass: the same
 * seeds give the same passages and the same rankings as the embedded Lucene index (by words, and
 * by words and meaning fused), the same incremental report, deletions, stored vectors found again
 * and reused by text hash, a rewrite of every file when the model or the passage settings change,
 * a search by meaning refused over an index built otherwise, readers that see only commits, a
 * rebuild that never shows a half-built index, and an interrupted reindex the next run completes.
 * Vectors come from the deterministic stand-in model ({@link WordHashEmbeddingModel}).
 */
public abstract class PassageIndexContract {
  /** Questions the seed articles answer, as readers ask them. */
  static final List<String> SEED_QUESTIONS = List.of(
      "Did Lukashenko congratulate Americans on Independence Day?",
      "What did Peskov say about Kaliningrad?",
      "What did Putin's message to Obama call for?",
      "Why did the U.S. impose sanctions on Russian firms?",
      "Where is Biden travelling for the NATO meeting?",
      "How many refugees has Poland taken in?",
      "Who is the US ambassador to Russia?",
      "What did Putin reply when Biden called him a killer?",
      "Why did Russia recall its ambassador Anatoly Antonov?",
      "Who warned that relations were on the verge of breaking down?");

  /** Small passages, so each paragraph of the three articles is a passage of its own. */
  private static final IngestConfig SMALL_PASSAGES = new IngestConfig(10, 40, List.of(), 20_000_000);
  private static final HybridConfig DENSE = RetrievalConfig.defaults().hybrid().withDense(true);

  @TempDir protected Path tmp;
  private PassageIndex index;
  private final WordHashEmbeddingModel model = new WordHashEmbeddingModel();

  /** A new, empty index of the backend under test, with {@code retrieval}'s BM25 settings and boosts. */
  protected abstract PassageIndex newIndex(RetrievalConfig retrieval) throws IOException;

  /** Another handle on the index {@link #newIndex} made last, as another process would open it. */
  protected abstract PassageIndex anotherHandle() throws IOException;

  /**
   * Ends {@code writer} the way a killed process would: nothing committed, nothing cleaned up, and
   * whatever the backend's lock needs to be taken over by the next run.
   */
  protected abstract void crash(PassageIndexWriter writer) throws IOException;

  /**
   * Where the index {@link #newIndex} made last is, as messages name it: {@code Lucene index at DIR},
   * {@code OpenSearch index at URL (index NAME)}.
   */
  protected abstract String where();

  @BeforeEach
  void open() throws IOException {
    index = newIndex(RetrievalConfig.defaults());
  }

  @AfterEach
  void closeIndex() throws IOException {
    index.close();
  }

  /** Words only (dense retrieval off), two threads. */
  private ArticleIndexer indexer() {
    return new ArticleIndexer(index, IngestConfig.defaults(), Optional.empty(), 2, List.of());
  }

  private ArticleIndexer indexer(PassageIndex on) {
    return new ArticleIndexer(on, IngestConfig.defaults(), Optional.empty(), 1, List.of());
  }

  /** Passage vectors from {@code with}, small passages. */
  private ArticleIndexer indexer(EmbeddingModel with, IngestConfig ingest) {
    return new ArticleIndexer(index, ingest, Optional.of(with), 2, List.of());
  }

  /** The embedded Lucene index as the reference, built from {@code articles} in a folder of its own. */
  private LucenePassageIndex reference(Path articles, Optional<EmbeddingModel> with, IngestConfig ingest)
      throws IOException {
    LucenePassageIndex lucene = new LucenePassageIndex(tmp.resolve("reference"), RetrievalConfig.defaults());
    new ArticleIndexer(lucene, ingest, with, 1, List.of()).reindex(articles);
    lucene.refresh();
    return lucene;
  }

  private static FileResult file(ReindexReport report, String path) {
    return report.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
  }

  /** Relative difference under which two BM25 scores are the same score. */
  private static final float TIE = 1e-4f;

  /** Whether the passage at {@code i} has a neighbour of the same score, so either may come first. */
  private static boolean tied(List<ScoredPassage> hits, int i) {
    float score = hits.get(i).score();
    float eps = TIE * Math.max(1f, score);
    return (i > 0 && Math.abs(hits.get(i - 1).score() - score) <= eps)
        || (i + 1 < hits.size() && Math.abs(hits.get(i + 1).score() - score) <= eps);
  }

  private List<String> articlesFound(PassageIndex in, String question) {
    return in.lexical(question, 10).stream().map(h -> h.passage().articleId()).distinct().toList();
  }

  @Test
  void should_hold_the_same_passages_and_rank_them_as_the_lucene_index_does_over_the_seeds() throws IOException {
    Path lucene = tmp.resolve("lucene");
    ReindexReport reference;
    try (LucenePassageIndex referenceIndex = new LucenePassageIndex(lucene, RetrievalConfig.defaults())) {
      reference = new ArticleIndexer(referenceIndex, IngestConfig.defaults(), Optional.empty(), 1, List.of())
          .reindex(ThreeArticles.seeds());
    }

    ReindexReport report = indexer().reindex(ThreeArticles.seeds());
    index.refresh();

    assertThat(report.countsLine()).isEqualTo("5 indexed, 0 unchanged, 0 deleted, 0 rejected");
    assertThat(report.files()).isEqualTo(reference.files());
    assertThat(index.stats().passages()).isEqualTo(reference.passages());
    try (LucenePassageIndex searcher = new LucenePassageIndex(lucene, RetrievalConfig.defaults())) {
      assertThat(searcher.stats()).usingRecursiveComparison().ignoringFields("reindexedAt").isEqualTo(index.stats());
      for (String question : SEED_QUESTIONS) {
        // The top five, and the sixth to tell whether the fifth is tied with it.
        List<ScoredPassage> expected = searcher.lexical(question, 6);
        List<ScoredPassage> found = index.lexical(question, 6);
        assertThat(expected).as(question).isNotEmpty();
        assertThat(found).as(question).hasSameSizeAs(expected);
        for (int i = 0; i < Math.min(5, expected.size()); i++) {
          float score = expected.get(i).score();
          assertThat(found.get(i).score()).as("%s, score at rank %d", question, i + 1)
              .isCloseTo(score, within(TIE * Math.max(1f, score)));
          // Passages of equal score come in the order each engine stored them: only untied ranks must match.
          if (tied(expected, i)) continue;
          assertThat(found.get(i).passage()).as("%s, rank %d", question, i + 1).isEqualTo(expected.get(i).passage());
        }
      }
    }
  }

  /**
   * The top two, not more: far down the meaning ranking, passages the model scores almost alike
   * may trade places between two builds of the vectors (Lucene quantises them per segment), and
   * the fusion carries that into the third place and below.
   */
  @Test
  void should_give_the_same_top_hits_as_the_lucene_index_with_words_and_meaning_fused_over_the_seeds()
      throws IOException {
    ReindexReport report = indexer(model, IngestConfig.defaults()).reindex(ThreeArticles.seeds());
    index.refresh();

    assertThat(report.countsLine()).isEqualTo("5 indexed, 0 unchanged, 0 deleted, 0 rejected");
    assertThat(index.signature().embeddingModel()).contains(WordHashEmbeddingModel.NAME);
    try (LucenePassageIndex lucene = reference(ThreeArticles.seeds(), Optional.of(model), IngestConfig.defaults())) {
      HybridSearcher expected = new HybridSearcher(lucene, Optional.of(model), DENSE);
      HybridSearcher found = new HybridSearcher(index, Optional.of(model), DENSE);
      for (String question : SEED_QUESTIONS) {
        float[] vector = model.vector(question);
        assertThat(index.nearest(vector, 1)).as(question).extracting(ScoredPassage::passage)
            .isEqualTo(lucene.nearest(vector, 1).stream().map(ScoredPassage::passage).toList());
        List<Passage> top = expected.search(question, 2).stream().map(ScoredPassage::passage).toList();
        assertThat(top).as(question).hasSize(2);
        assertThat(found.search(question, 2)).as(question).extracting(ScoredPassage::passage).isEqualTo(top);
      }
    }
  }

  @Test
  void should_answer_nothing_for_a_question_without_searchable_words_or_before_the_first_commit() throws IOException {
    assertThat(index.hasIndex()).isFalse();
    assertThat(index.lexical("tram harbour", 5)).isEmpty();
    assertThat(index.stats()).isEqualTo(CorpusStats.EMPTY);

    indexer().reindex(ThreeArticles.write(tmp.resolve("articles")));
    index.refresh();

    assertThat(index.hasIndex()).isTrue();
    assertThat(index.lexical("the of and ?!", 5)).isEmpty();
    assertThat(index.lexical("\"tram\" AND harbour* OR (", 5)).extracting(h -> h.passage().title())
        .first().isEqualTo("Council approves a new tram line to the harbour");
  }

  @Test
  void should_report_unchanged_changed_deleted_and_rejected_files_when_reindexing_incrementally() throws IOException {
    Path articles = ThreeArticles.write(tmp.resolve("articles"));
    assertThat(indexer().reindex(articles).countsLine()).isEqualTo("3 indexed, 0 unchanged, 0 deleted, 0 rejected");
    assertThat(indexer().reindex(articles).countsLine()).isEqualTo("0 indexed, 3 unchanged, 0 deleted, 0 rejected");

    ThreeArticles.write(articles.resolve("trams.txt"), ThreeArticles.TRAM.replace("harbour", "airport"));
    Files.delete(articles.resolve("bank.txt"));
    Files.writeString(articles.resolve("blank.txt"), "\n\n   \n");
    ReindexReport report = indexer().reindex(articles);
    index.refresh();

    assertThat(report.countsLine()).isEqualTo("1 indexed, 1 unchanged, 1 deleted, 1 rejected");
    assertThat(report.files()).extracting(FileResult::path, FileResult::bucket).containsExactly(
        org.assertj.core.groups.Tuple.tuple("bank.txt", Bucket.DELETED),
        org.assertj.core.groups.Tuple.tuple("blank.txt", Bucket.REJECTED),
        org.assertj.core.groups.Tuple.tuple("trams.txt", Bucket.INDEXED),
        org.assertj.core.groups.Tuple.tuple("weather/floods.txt", Bucket.UNCHANGED));
    assertThat(articlesFound(index, "central bank interest rates")).isNotEmpty().doesNotContain("bank.txt");
    assertThat(index.lexical("tram line to the airport", 5)).first()
        .satisfies(h -> assertThat(h.passage().text()).contains("airport"));
    assertThat(index.lexical("harbour", 10)).isEmpty();
    assertThat(index.stats().articles()).isEqualTo(2);
    assertThat(indexer().reindex(articles).countsLine()).isEqualTo("0 indexed, 2 unchanged, 0 deleted, 1 rejected");
  }

  @Test
  void should_show_readers_the_last_commit_until_the_next_one() throws IOException {
    Path articles = ThreeArticles.write(tmp.resolve("articles"));
    indexer().reindex(articles);
    index.refresh();
    try (PassageIndex other = anotherHandle()) {
      other.refresh();
      ThreeArticles.write(articles.resolve("trams.txt"), ThreeArticles.TRAM.replace("harbour", "airport"));
      AtomicInteger checks = new AtomicInteger();

      indexer().reindex(articles, line -> {
        if (line.startsWith("indexed")) {
          try {
            index.refresh();
            other.refresh();
          } catch (IOException e) {
            throw new AssertionError(e);
          }
          assertThat(index.lexical("airport", 5)).isEmpty();
          assertThat(other.lexical("tram harbour", 5)).isNotEmpty();
          checks.incrementAndGet();
        }
      });
      other.refresh();

      assertThat(checks.get()).isPositive();
      assertThat(other.lexical("airport", 5)).extracting(h -> h.passage().articleId()).containsOnly("trams.txt");
      assertThat(other.lexical("harbour", 5)).isEmpty();
    }
  }

  @Test
  void should_keep_serving_the_old_passages_while_rebuilding_and_only_the_new_ones_after() throws IOException {
    indexer().reindex(ThreeArticles.write(tmp.resolve("articles")));
    index.refresh();
    Passage replacement = new Passage("rebuilt", 0, "Ferry service returns", "The ferry to the island runs again.",
        Optional.empty(), Optional.empty(), Optional.empty(), 0, 35);

    try (PassageIndexWriter writer = index.writer()) {
      writer.deleteAll();
      writer.write(update("rebuilt.txt", List.of(replacement), List.of()));
      index.refresh();
      assertThat(index.lexical("tram harbour", 5)).isNotEmpty();
      assertThat(index.lexical("ferry island", 5)).isEmpty();
      writer.commit(new CorpusStats(1, 1, Optional.empty(), Optional.empty(), Optional.of(Instant.now())),
          IndexSignature.NONE);
    }
    index.refresh();

    assertThat(index.lexical("tram harbour", 5)).isEmpty();
    assertThat(index.lexical("ferry island", 5)).extracting(ScoredPassage::passage).containsExactly(replacement);
    assertThat(index.stats().passages()).isEqualTo(1);
  }

  @Test
  void should_store_vectors_find_the_nearest_and_give_them_back_by_text_hash() throws IOException {
    Passage tram = passage("tram", "Council approves a tram line", "The council voted to build a tram line.");
    Passage bank = passage("bank", "Central bank raises rates", "The central bank raised its main rate.");
    java.util.Random random = new java.util.Random(384);
    float[] tramVector = randomUnit(random);
    float[] bankVector = randomUnit(random);
    IndexSignature signature = new IndexSignature(Optional.of("test-model-384"), "ingest-v1");
    try (PassageIndexWriter writer = index.writer()) {
      writer.write(update("tram.txt", List.of(tram), List.of(tramVector)));
      writer.write(update("bank.txt", List.of(bank), List.of(bankVector)));
      writer.commit(new CorpusStats(2, 2, Optional.empty(), Optional.empty(), Optional.of(Instant.now())), signature);
    }
    index.refresh();

    assertThat(index.nearest(tramVector, 2)).extracting(ScoredPassage::passage).containsExactly(tram, bank);
    assertThat(index.nearest(bankVector, 1)).extracting(ScoredPassage::passage).containsExactly(bank);
    assertThat(index.signature()).isEqualTo(signature);
    try (PassageIndexWriter next = index.writer()) {
      assertThat(next.signature()).isEqualTo(signature);
      Map<String, float[]> stored = next.vectors(List.of(EmbeddedText.hash(tram), EmbeddedText.hash(bank),
          "0".repeat(64)));
      assertThat(stored).containsOnlyKeys(EmbeddedText.hash(tram), EmbeddedText.hash(bank));
      assertThat(stored.get(EmbeddedText.hash(tram))).containsExactly(tramVector);
      assertThat(stored.get(EmbeddedText.hash(bank))).containsExactly(bankVector);
    }
  }

  @Test
  void should_rank_hits_by_key_and_date_and_read_the_passages_of_the_hits_kept() throws IOException {
    Passage tram = new Passage("tram", 1, "Council approves a tram line", "The council voted to build a tram line.",
        Optional.empty(), Optional.of(LocalDate.of(2024, 6, 18)), Optional.empty(), 0, 39);
    Passage bank = passage("bank", "Central bank raises rates", "The central bank raised its main rate.");
    java.util.Random random = new java.util.Random(7);
    float[] tramVector = randomUnit(random);
    try (PassageIndexWriter writer = index.writer()) {
      writer.write(update("tram.txt", List.of(tram), List.of(tramVector)));
      writer.write(update("bank.txt", List.of(bank), List.of(randomUnit(random))));
      writer.commit(new CorpusStats(2, 2, Optional.empty(), Optional.empty(), Optional.of(Instant.now())),
          new IndexSignature(Optional.of("test-model-384"), "ingest-v1"));
    }
    index.refresh();

    try (PassageRankings view = index.rankings()) {
      List<PassageHit> byWords = view.lexical("central bank rates", 5);
      List<PassageHit> byMeaning = view.nearest(tramVector, 2);

      assertThat(byWords).extracting(PassageHit::key).first().isEqualTo("bank#0");
      assertThat(byWords.getFirst().published()).isEmpty();
      assertThat(byMeaning).extracting(PassageHit::key).containsExactly("tram#1", "bank#0");
      assertThat(byMeaning.getFirst().published()).contains(LocalDate.of(2024, 6, 18));
      assertThat(byMeaning).extracting(PassageHit::score)
          .isEqualTo(index.nearest(tramVector, 2).stream().map(ScoredPassage::score).toList());
      // Any of the hits, in any order, with the scores the search gives them.
      assertThat(view.passages(List.of(byMeaning.get(1).withScore(0.25f), byMeaning.get(0))))
          .containsExactly(new ScoredPassage(bank, 0.25f), new ScoredPassage(tram, byMeaning.get(0).score()));
      assertThat(view.passages(List.of())).isEmpty();
      assertThatThrownBy(() -> view.passages(List.of(new PassageHit("other#0", Optional.empty(), 1f))))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("not a hit of this search: other#0");
    }
  }

  @Test
  void should_embed_only_the_passage_whose_text_changed_and_reuse_the_other_vectors_by_text_hash()
      throws IOException {
    Path articles = ThreeArticles.write(tmp.resolve("articles"));
    ReindexReport first = indexer(model, SMALL_PASSAGES).reindex(articles);
    assertThat(model.texts()).isEqualTo(first.passages()).isGreaterThan(3);
    ThreeArticles.write(articles.resolve("trams.txt"), ThreeArticles.TRAM.replace("240 million", "260 million"));

    ReindexReport report = indexer(model, SMALL_PASSAGES).reindex(articles);
    index.refresh();

    assertThat(report.countsLine()).isEqualTo("1 indexed, 2 unchanged, 0 deleted, 0 rejected");
    assertThat(model.texts() - first.passages()).isEqualTo(1);
    Passage changed = index.lexical("budget of 260 million euros", 1).getFirst().passage();
    assertThat(changed.text()).contains("260 million");
    assertThat(index.nearest(model.vector(EmbeddedText.of(changed)), 1)).extracting(ScoredPassage::passage)
        .containsExactly(changed);
    try (PassageIndexWriter next = index.writer()) {
      assertThat(next.vectors(List.of(EmbeddedText.hash(changed))).get(EmbeddedText.hash(changed)))
          .containsExactly(model.vector(EmbeddedText.of(changed)));
    }
    assertThat(indexer(model, SMALL_PASSAGES).reindex(articles).countsLine())
        .isEqualTo("0 indexed, 3 unchanged, 0 deleted, 0 rejected");
    assertThat(model.texts() - first.passages()).isEqualTo(1);
  }

  @Test
  void should_rewrite_every_file_when_the_model_or_the_passage_settings_change_and_sign_the_commit()
      throws IOException {
    Path articles = ThreeArticles.write(tmp.resolve("articles"));
    ReindexReport first = indexer(model, SMALL_PASSAGES).reindex(articles);
    WordHashEmbeddingModel other = new WordHashEmbeddingModel("other-model");

    ReindexReport otherModel = indexer(other, SMALL_PASSAGES).reindex(articles);
    index.refresh();

    assertThat(otherModel.countsLine()).isEqualTo("3 indexed, 0 unchanged, 0 deleted, 0 rejected");
    assertThat(otherModel.notices()).containsExactly(
        "rebuilt every file: the index holds vectors of word-hash-64 and this configuration embeds with other-model");
    assertThat(other.texts()).isEqualTo(first.passages());
    assertThat(index.signature()).isEqualTo(indexer(other, SMALL_PASSAGES).signature());

    IngestConfig otherPatterns = new IngestConfig(10, 40, List.of(Pattern.compile("^nothing matches this$")), 20_000_000);
    ReindexReport otherSettings = indexer(other, otherPatterns).reindex(articles);
    index.refresh();

    assertThat(otherSettings.countsLine()).isEqualTo("3 indexed, 0 unchanged, 0 deleted, 0 rejected");
    assertThat(otherSettings.notices()).containsExactly("rebuilt every file: the passage settings changed since the"
        + " index was built (newsdesk.ingest.passage-min-words, passage-max-words or boilerplate-patterns)");
    assertThat(other.texts()).isEqualTo(first.passages());
    assertThat(index.signature()).isEqualTo(indexer(other, otherPatterns).signature())
        .isNotEqualTo(indexer(other, SMALL_PASSAGES).signature());
    assertThat(index.stats().passages()).isEqualTo(first.passages());
    assertThat(indexer(other, otherPatterns).reindex(articles).countsLine())
        .isEqualTo("0 indexed, 3 unchanged, 0 deleted, 0 rejected");
  }

  @Test
  void should_refuse_a_search_by_meaning_over_an_index_built_otherwise_naming_where_the_index_is()
      throws IOException {
    Path articles = ThreeArticles.write(tmp.resolve("articles"));
    indexer().reindex(articles);
    index.refresh();

    assertThat(index.nearest(model.vector("tram harbour"), 3)).isEmpty();
    assertThatThrownBy(() -> new HybridSearcher(index, Optional.of(model), DENSE))
        .isInstanceOf(IndexMismatchException.class)
        .hasMessage("the " + where() + " was built without passage vectors, and dense retrieval embeds with "
            + "word-hash-64; rebuild it with: newsdesk index --articles DIR (or set newsdesk.retrieval.dense=false)");

    indexer(model, IngestConfig.defaults()).reindex(articles);
    index.refresh();

    assertThatThrownBy(() -> new HybridSearcher(index, Optional.of(new WordHashEmbeddingModel("other-model")), DENSE))
        .isInstanceOf(IndexMismatchException.class)
        .hasMessage("the " + where() + " was built with the embedding model word-hash-64, not other-model;"
            + " rebuild it with: newsdesk index --articles DIR");
    assertThat(new HybridSearcher(index, Optional.of(model), DENSE).search("tram harbour", 1))
        .extracting(h -> h.passage().articleId()).containsExactly("trams.txt");
  }

  @Test
  void should_complete_next_time_a_reindex_that_was_interrupted_halfway() throws IOException {
    Path articles = ThreeArticles.write(tmp.resolve("articles"));
    indexer().reindex(articles);
    ThreeArticles.write(articles.resolve("trams.txt"), ThreeArticles.TRAM.replace("harbour", "airport"));
    ThreeArticles.write(articles.resolve("ferry.txt"), "Ferry service returns\n\nThe ferry to the island runs again"
        + " from Monday, the port authority said, after a winter without crossings.\n");
    ThreeArticles.write(articles.resolve("school.txt"), "New school opens in the valley\n\nPupils moved into the"
        + " new school building on Monday, two years after the old one was closed.\n");
    PassageIndex interrupted = new Interrupting(index, 1);

    assertThatThrownBy(() -> indexer(interrupted).reindex(articles)).hasMessage("killed after 1 file");
    index.refresh();
    assertThat(index.lexical("airport", 5)).isEmpty();
    assertThat(index.lexical("ferry island", 5)).isEmpty();
    assertThat(index.lexical("tram harbour", 5)).isNotEmpty();

    ReindexReport next = indexer().reindex(articles);
    index.refresh();

    assertThat(next.countsLine()).isEqualTo("3 indexed, 2 unchanged, 0 deleted, 0 rejected");
    // Each new article once: the killed run's copy was taken back, not left beside the new one.
    assertThat(index.lexical("ferry island crossings", 10)).extracting(h -> h.passage().articleId())
        .containsOnlyOnce("ferry.txt").first().isEqualTo("ferry.txt");
    assertThat(index.lexical("new school building pupils", 10)).extracting(h -> h.passage().articleId())
        .containsOnlyOnce("school.txt").first().isEqualTo("school.txt");
    assertThat(index.lexical("harbour", 10)).isEmpty();
    assertThat(index.stats().articles()).isEqualTo(5);
    assertThat(indexer().reindex(articles).countsLine()).isEqualTo("0 indexed, 5 unchanged, 0 deleted, 0 rejected");
  }

  @Test
  void should_refuse_a_second_reindex_while_one_runs() throws IOException {
    try (PassageIndexWriter first = index.writer()) {
      assertThatThrownBy(() -> index.writer().close()).isInstanceOf(ReindexBusyException.class)
          .hasMessageStartingWith("another reindex is running on ")
          .hasMessageEndingWith("; try again when it has finished");
      first.commit(CorpusStats.EMPTY, IndexSignature.NONE);
    }
    index.writer().close();
  }

  private static FileUpdate update(String path, List<Passage> passages, List<float[]> vectors) {
    FileManifest manifest = new FileManifest(path, "hash-of-" + path,
        List.of(new FileManifest.Entry(passages.get(0).articleId(), Optional.empty(), Set.of(1L, 2L), Set.of(),
            true, passages.size())), List.of(), false);
    return new FileUpdate(path, passages, vectors, Optional.of(manifest),
        new FileResult(path, Bucket.INDEXED, List.of(passages.size() + " passages")));
  }

  private static Passage passage(String id, String title, String text) {
    return new Passage(id, 0, title, text, Optional.empty(), Optional.empty(), Optional.empty(), 0, text.length());
  }

  /** A random 384-dimension unit vector, as dense as an embedding. */
  private static float[] randomUnit(java.util.Random random) {
    float[] v = new float[384];
    double norm = 0;
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) random.nextGaussian();
      norm += v[i] * v[i];
    }
    for (int i = 0; i < v.length; i++) v[i] /= (float) Math.sqrt(norm);
    return v;
  }

  /** The index, whose writers are killed after {@code files} writes (see {@link #crash}). */
  private final class Interrupting implements PassageIndex {
    private final PassageIndex delegate;
    private final int files;

    Interrupting(PassageIndex delegate, int files) {
      this.delegate = delegate;
      this.files = files;
    }

    @Override public PassageIndexWriter writer() throws IOException {
      PassageIndexWriter w = delegate.writer();
      AtomicInteger written = new AtomicInteger();
      return new PassageIndexWriter() {
        @Override public StoredManifests manifests() throws IOException { return w.manifests(); }
        @Override public IndexSignature signature() throws IOException { return w.signature(); }
        @Override public Map<String, float[]> vectors(java.util.Collection<String> hashes) throws IOException {
          return w.vectors(hashes);
        }
        @Override public void deleteAll() throws IOException { w.deleteAll(); }
        @Override public void delete(String path) throws IOException { w.delete(path); }
        @Override public void write(FileUpdate update) throws IOException {
          if (written.incrementAndGet() > files) throw new IllegalStateException("killed after " + files + " file");
          w.write(update);
          w.flushBuffers();
        }
        @Override public void flushBuffers() throws IOException { w.flushBuffers(); }
        @Override public void commit(CorpusStats stats, IndexSignature signature) {
          throw new IllegalStateException("killed after " + files + " file");
        }
        @Override public void close() throws IOException { crash(w); }
      };
    }

    @Override public boolean hasIndex() { return delegate.hasIndex(); }
    @Override public void refresh() throws IOException { delegate.refresh(); }
    @Override public PassageRankings rankings() { return delegate.rankings(); }
    @Override public CorpusStats stats() { return delegate.stats(); }
    @Override public IndexSignature signature() { return delegate.signature(); }
    @Override public void close() { }
  }
}

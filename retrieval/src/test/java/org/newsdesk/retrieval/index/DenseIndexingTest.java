package org.newsdesk.retrieval.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.perfield.PerFieldKnnVectorsFormat;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.config.IngestConfig;
import org.newsdesk.config.RetrievalConfig;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.embed.EmbeddedText;
import org.newsdesk.retrieval.embed.LazyEmbeddingModel;
import org.newsdesk.retrieval.search.ScoredPassage;
import org.newsdesk.testkit.WordHashEmbeddingModel;

/** Passage vectors written with the passages, read back, and never embedded twice. */
class DenseIndexingTest {
  /** Small passages, so each paragraph of the three articles is a passage of its own. */
  private static final IngestConfig SMALL_PASSAGES = new IngestConfig(10, 40, List.of(), 20_000_000);

  @TempDir Path tmp;
  private final WordHashEmbeddingModel model = new WordHashEmbeddingModel();
  private final List<LucenePassageIndex> opened = new ArrayList<>();

  private Path indexDir() {
    return tmp.resolve("data/index");
  }

  private LucenePassageIndex index(Path dir) throws IOException {
    LucenePassageIndex index = new LucenePassageIndex(dir, RetrievalConfig.defaults());
    opened.add(index);
    return index;
  }

  @AfterEach
  void close() throws IOException {
    for (LucenePassageIndex i : opened) i.close();
  }

  private ArticleIndexer indexer(IngestConfig ingest, Optional<EmbeddingModel> m, List<VectorSource> extra)
      throws IOException {
    return new ArticleIndexer(index(indexDir()), ingest, m, 2, extra);
  }

  private ReindexReport reindex(Path articles) throws IOException {
    return indexer(SMALL_PASSAGES, Optional.of(model), List.of()).reindex(articles);
  }

  /** Every live passage of the index at {@code dir} with the raw vector stored for it. */
  private static Map<Passage, float[]> storedVectors(Path dir) throws IOException {
    Map<Passage, float[]> out = new HashMap<>();
    try (FSDirectory d = FSDirectory.open(dir); DirectoryReader r = DirectoryReader.open(d)) {
      for (LeafReaderContext leaf : r.leaves()) {
        FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
        if (values == null) continue;
        StoredFields stored = leaf.reader().storedFields();
        Bits live = leaf.reader().getLiveDocs();
        KnnVectorValues.DocIndexIterator it = values.iterator();
        for (int doc = it.nextDoc(); doc != KnnVectorValues.DocIndexIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
          if (live != null && !live.get(doc)) continue;
          out.put(PassageDocuments.fromDocument(stored.document(doc)), values.vectorValue(it.index()).clone());
        }
      }
    }
    return out;
  }

  @Test
  void should_store_the_model_vector_of_each_passage_and_give_it_back_exactly() throws IOException {
    ReindexReport report = reindex(ThreeArticles.write(tmp.resolve("articles")));

    Map<Passage, float[]> stored = storedVectors(indexDir());
    assertThat(stored).hasSize(report.passages()).hasSizeGreaterThan(3);
    stored.forEach((p, v) -> assertThat(v).containsExactly(model.vector(EmbeddedText.of(p))));
    try (PassageIndexWriter writer = index(indexDir()).writer()) {
      Passage any = stored.keySet().iterator().next();
      Map<String, float[]> back = writer.vectors(List.of(EmbeddedText.hash(any), "0".repeat(64)));
      assertThat(back).containsOnlyKeys(EmbeddedText.hash(any));
      assertThat(back.get(EmbeddedText.hash(any))).containsExactly(stored.get(any));
    }
  }

  @Test
  void should_write_int8_hnsw_vectors_that_a_reader_opens_with_the_default_codec() throws IOException {
    reindex(ThreeArticles.write(tmp.resolve("articles")));

    try (FSDirectory d = FSDirectory.open(indexDir()); DirectoryReader r = DirectoryReader.open(d)) {
      assertThat(SegmentInfos.readLatestCommit(d).asList()).isNotEmpty()
          .allSatisfy(s -> assertThat(s.info.getCodec().getName()).isEqualTo(Codec.getDefault().getName()));
      for (LeafReaderContext leaf : r.leaves()) {
        assertThat(((SegmentReader) leaf.reader()).getFieldInfos().fieldInfo(IndexFields.VECTOR)
            .getAttribute(PerFieldKnnVectorsFormat.PER_FIELD_FORMAT_KEY))
            .isEqualTo(Lucene104HnswScalarQuantizedVectorsFormat.NAME);
      }
      assertThat(r.getIndexCommit().getUserData()).containsEntry(IndexFields.COMMIT_EMBEDDING_MODEL, "word-hash-64");
    }
  }

  @Test
  void should_find_a_passage_by_the_vector_of_its_text_when_searching_nearest() throws IOException {
    reindex(ThreeArticles.write(tmp.resolve("articles")));
    LucenePassageIndex index = index(indexDir());
    Passage flood = storedVectors(indexDir()).keySet().stream()
        .filter(p -> p.text().contains("Fire crews used boats")).findFirst().orElseThrow();

    List<ScoredPassage> hits = index.nearest(model.vector(EmbeddedText.of(flood)), 3);

    assertThat(hits).hasSize(3);
    assertThat(hits.get(0).passage()).isEqualTo(flood);
    assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
    assertThat(index.signature()).isEqualTo(indexer(SMALL_PASSAGES, Optional.of(model), List.of()).signature());
  }

  @Test
  void should_embed_nothing_and_not_even_load_the_model_when_nothing_changed() throws IOException {
    Path articles = ThreeArticles.write(tmp.resolve("articles"));
    reindex(articles);
    int calls = model.calls();
    AtomicInteger loads = new AtomicInteger();
    LazyEmbeddingModel lazy = new LazyEmbeddingModel(WordHashEmbeddingModel.NAME, WordHashEmbeddingModel.DIMENSION,
        () -> {
          loads.incrementAndGet();
          return model;
        });

    ReindexReport again = indexer(SMALL_PASSAGES, Optional.of(lazy), List.of()).reindex(articles);

    assertThat(again.countsLine()).isEqualTo("0 indexed, 3 unchanged, 0 deleted, 0 rejected");
    assertThat(loads).hasValue(0);
    assertThat(model.calls()).isEqualTo(calls).isPositive();
  }

  @Test
  void should_embed_only_the_passage_whose_text_changed_when_a_file_changes() throws IOException {
    Path articles = ThreeArticles.write(tmp.resolve("articles"));
    reindex(articles);
    int before = model.texts();
    ThreeArticles.write(articles.resolve("trams.txt"), ThreeArticles.TRAM.replace("240 million", "260 million"));

    ReindexReport report = reindex(articles);

    assertThat(report.countsLine()).isEqualTo("1 indexed, 2 unchanged, 0 deleted, 0 rejected");
    long tramPassages = storedVectors(indexDir()).keySet().stream().filter(p -> p.articleId().equals("trams.txt")).count();
    assertThat(tramPassages).isEqualTo(3);
    assertThat(model.texts() - before).isEqualTo(1);
    storedVectors(indexDir()).forEach((p, v) -> assertThat(v).containsExactly(model.vector(EmbeddedText.of(p))));
  }

  @Test
  void should_rewrite_every_file_and_reuse_every_vector_when_the_passage_settings_change() throws IOException {
    Path articles = ThreeArticles.write(tmp.resolve("articles"));
    reindex(articles);
    int before = model.texts();
    IngestConfig otherPatterns = new IngestConfig(10, 40, List.of(Pattern.compile("^nothing matches this$")), 20_000_000);

    ReindexReport report = indexer(otherPatterns, Optional.of(model), List.of()).reindex(articles);

    assertThat(report.countsLine()).isEqualTo("3 indexed, 0 unchanged, 0 deleted, 0 rejected");
    assertThat(report.notices()).containsExactly("rebuilt every file: the passage settings changed since the index "
        + "was built (newsdesk.ingest.passage-min-words, passage-max-words or boilerplate-patterns)");
    assertThat(model.texts()).isEqualTo(before);
    assertThat(storedVectors(indexDir())).hasSize(report.passages());
    assertThat(indexer(otherPatterns, Optional.of(model), List.of()).reindex(articles).countsLine())
        .isEqualTo("0 indexed, 3 unchanged, 0 deleted, 0 rejected");
  }

  @Test
  void should_rewrite_and_embed_every_file_when_the_index_has_no_vectors_and_dense_is_on() throws IOException {
    Path articles = ThreeArticles.write(tmp.resolve("articles"));
    ReindexReport wordsOnly = indexer(SMALL_PASSAGES, Optional.empty(), List.of()).reindex(articles);

    ReindexReport report = reindex(articles);

    assertThat(report.countsLine()).isEqualTo("3 indexed, 0 unchanged, 0 deleted, 0 rejected");
    assertThat(report.notices()).containsExactly(
        "rebuilt every file: the index holds no passage vectors and dense retrieval is on (word-hash-64)");
    assertThat(model.texts()).isEqualTo(wordsOnly.passages());
    assertThat(storedVectors(indexDir())).hasSize(wordsOnly.passages());
  }

  @Test
  void should_embed_every_passage_again_when_the_index_holds_vectors_of_another_model() throws IOException {
    Path articles = ThreeArticles.write(tmp.resolve("articles"));
    ReindexReport first = reindex(articles);
    WordHashEmbeddingModel other = new WordHashEmbeddingModel("other-model");

    ReindexReport report = indexer(SMALL_PASSAGES, Optional.of(other), List.of()).reindex(articles);

    assertThat(report.notices()).containsExactly(
        "rebuilt every file: the index holds vectors of word-hash-64 and this configuration embeds with other-model");
    assertThat(other.texts()).isEqualTo(first.passages());
  }

  @Test
  void should_embed_nothing_when_a_kept_earlier_build_holds_every_vector() throws IOException {
    Path articles = ThreeArticles.write(tmp.resolve("articles"));
    Path kept = tmp.resolve("kept/index");
    ReindexReport first;
    try (LucenePassageIndex earlier = new LucenePassageIndex(kept, RetrievalConfig.defaults())) {
      first = new ArticleIndexer(earlier, SMALL_PASSAGES, Optional.of(model), 2, List.of()).reindex(articles);
    }
    int before = model.texts();

    ReindexReport fresh;
    try (LuceneVectorSource source = LuceneVectorSource.open(kept, WordHashEmbeddingModel.NAME)) {
      fresh = indexer(SMALL_PASSAGES, Optional.of(model), List.of(source)).reindex(articles);
    }

    assertThat(fresh.countsLine()).isEqualTo("3 indexed, 0 unchanged, 0 deleted, 0 rejected");
    assertThat(model.texts()).isEqualTo(before);
    assertThat(storedVectors(indexDir())).hasSize(first.passages())
        .allSatisfy((p, v) -> assertThat(v).containsExactly(model.vector(EmbeddedText.of(p))));
  }

  @Test
  void should_refuse_a_kept_build_of_another_model_as_a_vector_source() throws IOException {
    Path articles = ThreeArticles.write(tmp.resolve("articles"));
    reindex(articles);

    assertThatThrownBy(() -> LuceneVectorSource.open(indexDir(), "bge-small-en-v1.5-q"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the index at " + indexDir() + " holds vectors of word-hash-64, not of bge-small-en-v1.5-q");
  }
}

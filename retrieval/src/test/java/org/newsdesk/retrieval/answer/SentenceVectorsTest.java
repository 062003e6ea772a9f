package org.newsdesk.retrieval.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import dev.langchain4j.data.embedding.Embedding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.config.AnswerConfig;
import org.newsdesk.config.IngestConfig;
import org.newsdesk.config.RetrievalConfig;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.embed.EmbeddedText;
import org.newsdesk.retrieval.index.ArticleIndexer;
import org.newsdesk.retrieval.index.IndexFields;
import org.newsdesk.retrieval.index.PassageDocuments;
import org.newsdesk.retrieval.index.LucenePassageIndex;
import org.newsdesk.retrieval.index.ReindexReport;
import org.newsdesk.retrieval.index.SideVectors;
import org.newsdesk.retrieval.index.ThreeArticles;
import org.newsdesk.retrieval.search.HybridSearcher;
import org.newsdesk.testkit.WordHashEmbeddingModel;

/** The reader's sentence vectors made while indexing, kept by text, and read instead of the model. */
class SentenceVectorsTest {
  @TempDir Path tmp;
  private final WordHashEmbeddingModel model = new WordHashEmbeddingModel();
  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : opened.reversed()) c.close();
  }

  private <T extends AutoCloseable> T opened(T c) {
    opened.add(c);
    return c;
  }

  private LucenePassageIndex index() throws IOException {
    return opened(new LucenePassageIndex(LucenePassageIndex.directoryOf(tmp.resolve("data")), RetrievalConfig.defaults()));
  }

  private SentenceVectors store(String modelName) throws IOException {
    return opened(SentenceVectors.open(SentenceVectors.directoryOf(tmp.resolve("data")), modelName));
  }

  private ReindexReport reindex(LucenePassageIndex index, Path articles, Optional<SentenceVectors> side) throws IOException {
    return new ArticleIndexer(index, IngestConfig.defaults(), Optional.of(model), 2, List.of(),
        side.map(SideVectors.class::cast)).reindex(articles);
  }

  /** Every live passage of the index. */
  private List<Passage> passages() throws IOException {
    List<Passage> out = new ArrayList<>();
    try (FSDirectory d = FSDirectory.open(LucenePassageIndex.directoryOf(tmp.resolve("data")));
         DirectoryReader r = DirectoryReader.open(d)) {
      for (LeafReaderContext leaf : r.leaves()) {
        Bits live = leaf.reader().getLiveDocs();
        StoredFields stored = leaf.reader().storedFields();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          Document d2 = stored.document(doc);
          if ((live == null || live.get(doc)) && d2.get(IndexFields.TEXT) != null) out.add(PassageDocuments.fromDocument(d2));
        }
      }
    }
    return out;
  }

  /** The distinct sentences the reader may weigh by meaning in every passage of the index. */
  private Set<String> readable() throws IOException {
    Set<String> out = new LinkedHashSet<>();
    for (Passage p : passages()) out.addAll(SentenceRanker.readable(p));
    return out;
  }

  /** The three articles indexed with {@code store} filled; the index, refreshed. */
  private LucenePassageIndex filled(SentenceVectors store) throws IOException {
    LucenePassageIndex index = index();
    reindex(index, ThreeArticles.write(tmp.resolve("articles")), Optional.of(store));
    index.refresh();
    return index;
  }

  private static List<String> hashes(Set<String> sentences) {
    return sentences.stream().map(EmbeddedText::hash).toList();
  }

  @Test
  void should_embed_each_readable_sentence_once_while_indexing_and_give_its_vector_back() throws IOException {
    Path articles = ThreeArticles.write(tmp.resolve("articles"));
    LucenePassageIndex index = index();
    SentenceVectors store = store(model.modelName());

    ReindexReport report = reindex(index, articles, Optional.of(store));

    Set<String> sentences = readable();
    assertThat(sentences).hasSize(10).contains("Forecasters expect the water to fall slowly over the weekend.");
    assertThat(model.texts()).isEqualTo(report.passages() + sentences.size());
    assertThat(store.embedded()).isEqualTo(sentences.size());
    Map<String, float[]> back = store.vectors(hashes(sentences));
    assertThat(back).hasSize(sentences.size());
    for (String s : sentences) {
      assertThat(CosineSimilarity.between(Embedding.from(back.get(EmbeddedText.hash(s))), Embedding.from(model.vector(s))))
          .as(s).isGreaterThan(0.999);
    }

    int before = model.texts();
    ThreeArticles.write(articles.resolve("trams.txt"), ThreeArticles.TRAM.replace("240 million", "260 million"));
    reindex(index, articles, Optional.of(store));

    // The changed passage, and the one sentence of it that changed.
    assertThat(model.texts() - before).isEqualTo(2);
    assertThat(store.vectors(hashes(readable()))).hasSize(sentences.size());
  }

  @Test
  void should_rewrite_an_index_built_without_them_reusing_its_passage_vectors_and_embedding_only_sentences()
      throws IOException {
    Path articles = ThreeArticles.write(tmp.resolve("articles"));
    LucenePassageIndex index = index();
    ReindexReport first = reindex(index, articles, Optional.empty());
    int passagesEmbedded = model.texts();
    assertThat(passagesEmbedded).isEqualTo(first.passages());

    ReindexReport again = reindex(index, articles, Optional.of(store(model.modelName())));

    assertThat(again.countsLine()).isEqualTo("3 indexed, 0 unchanged, 0 deleted, 0 rejected");
    assertThat(again.notices()).containsExactly("rewrote every file, reusing the passage vectors: the reader's"
        + " sentence vectors are made while indexing, and the index had none for them yet");
    assertThat(model.texts() - passagesEmbedded).isEqualTo(readable().size());

    ReindexReport unchanged = reindex(index, articles, Optional.of(store(model.modelName())));
    assertThat(unchanged.countsLine()).isEqualTo("0 indexed, 3 unchanged, 0 deleted, 0 rejected");
  }

  @Test
  void should_hold_nothing_for_another_model_and_empty_itself_before_filling_for_it() throws IOException {
    SentenceVectors words = store(model.modelName());
    filled(words);
    Map<String, String> files = Map.of("trams.txt", "v1", "bank.txt", "v1", "weather/floods.txt", "v1");
    assertThat(words.lacking(files)).as("versions it was not filled at").hasSize(3);
    words.close();
    List<String> hashes = hashes(readable());

    SentenceVectors other = store("another-model");
    assertThat(other.lacking(files)).containsExactlyInAnyOrderElementsOf(files.keySet());
    assertThat(other.vectors(hashes)).isEmpty();
    Passage tram = passages().stream().filter(p -> p.articleId().equals("trams.txt")).findFirst().orElseThrow();
    assertThat(other.add("trams.txt", "v1", List.of(tram), texts -> texts.stream().map(t -> new float[] {1, 0}).toList()))
        .isEqualTo(SentenceRanker.readable(tram).size());
    other.commit(files.keySet());

    assertThat(other.lacking(files)).containsExactlyInAnyOrder("bank.txt", "weather/floods.txt");
    assertThat(other.vectors(hashes)).hasSize(SentenceRanker.readable(tram).size())
        .allSatisfy((h, v) -> assertThat(v).containsExactly(1, 0));
  }

  @Test
  void should_drop_the_sentences_of_a_deleted_file_and_keep_those_another_file_shares() throws IOException {
    Path articles = ThreeArticles.write(tmp.resolve("articles"));
    String shared = "Forecasters expect the water to fall slowly over the weekend.";
    ThreeArticles.write(articles.resolve("bank.txt"), ThreeArticles.BANK + "\n" + shared + "\n");
    LucenePassageIndex index = index();
    SentenceVectors store = store(model.modelName());
    reindex(index, articles, Optional.of(store));
    Set<String> flood = new LinkedHashSet<>();
    passages().stream().filter(p -> p.articleId().equals("weather/floods.txt")).forEach(p -> flood.addAll(SentenceRanker.readable(p)));
    assertThat(flood).contains(shared);
    assertThat(store.vectors(hashes(flood))).hasSize(flood.size());

    Files.delete(articles.resolve("weather/floods.txt"));
    reindex(index, articles, Optional.of(store));

    assertThat(store.vectors(hashes(flood)).keySet()).containsExactly(EmbeddedText.hash(shared));
    assertThat(store.vectors(hashes(readable()))).hasSize(readable().size());
  }

  @Test
  void should_keep_every_sentence_of_a_file_longer_than_one_round_of_embedding() throws IOException {
    StringBuilder text = new StringBuilder("The longest council meeting on record\n\n");
    for (int i = 1; i <= 1_500; i++) {
      text.append("Speaker ").append(i).append(" talked about item ").append(i).append(" of the agenda.");
      text.append(i % 10 == 0 ? "\n\n" : " ");
    }
    Path articles = tmp.resolve("long");
    ThreeArticles.write(articles.resolve("meeting.txt"), text.toString());
    LucenePassageIndex index = index();
    SentenceVectors store = store(model.modelName());
    reindex(index, articles, Optional.of(store));
    Set<String> sentences = readable();
    assertThat(sentences).hasSize(1_500);
    assertThat(store.embedded()).isEqualTo(sentences.size());

    ThreeArticles.write(articles.resolve("meeting.txt"), text.toString().replace("item 1400 of", "item 1400 and 1401 of"));
    int before = store.embedded();
    reindex(index, articles, Optional.of(store));

    assertThat(store.embedded() - before).as("the one changed sentence").isEqualTo(1);
    assertThat(store.vectors(hashes(readable()))).hasSize(readable().size());
  }

  @Test
  void should_fill_in_only_the_files_written_while_it_was_not_in_use() throws IOException {
    Path articles = ThreeArticles.write(tmp.resolve("articles"));
    LucenePassageIndex index = index();
    reindex(index, articles, Optional.of(store(model.modelName())));
    ThreeArticles.write(articles.resolve("trams.txt"), ThreeArticles.TRAM.replace("240 million", "260 million"));
    ThreeArticles.write(articles.resolve("harbour.txt"), """
        Ferry service to the islands resumes after storm repairs

        The island ferry sailed again on Monday after three weeks of repairs to the pier.
        Operators said the timetable would return to normal by the end of the month.
        """);
    ReindexReport off = reindex(index, articles, Optional.empty());
    assertThat(off.countsLine()).isEqualTo("2 indexed, 2 unchanged, 0 deleted, 0 rejected");

    int before = model.texts();
    ReindexReport on = reindex(index, articles, Optional.of(store(model.modelName())));

    assertThat(on.notices()).containsExactly("rewrote 2 unchanged files, reusing the passage vectors: the reader's"
        + " sentence vectors are made while indexing, and the index had none for them yet");
    assertThat(on.countsLine()).isEqualTo("2 indexed, 2 unchanged, 0 deleted, 0 rejected");
    // The changed tram sentence and the ferry article's two: no passage, no sentence of the others.
    assertThat(model.texts() - before).isEqualTo(3);
    assertThat(store(model.modelName()).vectors(hashes(readable()))).hasSize(readable().size());
    assertThat(reindex(index, articles, Optional.of(store(model.modelName()))).notices()).isEmpty();
  }

  @Test
  void should_give_the_same_answer_embedding_only_the_question_when_the_sentences_are_stored() throws IOException {
    SentenceVectors store = store(model.modelName());
    LucenePassageIndex index = filled(store);
    String question = "How many stops will the harbour tram line have?";

    int before = model.texts();
    Answer onDemand = answerer(index, model).answer("c1", question);
    int embeddedOnDemand = model.texts() - before;
    before = model.texts();
    Answer stored = answerer(index, store.reading(model)).answer("c2", question);
    int embeddedStored = model.texts() - before;

    assertThat(stored.text()).isEqualTo(onDemand.text()).contains("eleven stops");
    assertThat(embeddedOnDemand).isGreaterThan(2);
    // The question twice (once to search, once to read: no cache of recent vectors here), no sentence.
    assertThat(embeddedStored).isEqualTo(2);
  }

  private static DefaultAnswerer answerer(LucenePassageIndex index, EmbeddingModel meaning) {
    RetrievalConfig retrieval = RetrievalConfig.defaults();
    HybridSearcher searcher = new HybridSearcher(index, Optional.of(meaning), retrieval.hybrid());
    return new DefaultAnswerer(searcher, retrieval.topK(), AnswerConfig.defaults(), Optional.empty(),
        Optional.of(meaning), Clock.systemUTC());
  }

  @Test
  void should_keep_each_component_within_half_a_step_of_its_scale() {
    float[] v = {0.5f, -0.25f, 0.0031f, -0.5f, 0.1f};

    float[] back = SentenceVectors.decode(new BytesRef(SentenceVectors.encode(v)));

    assertThat(back).hasSize(v.length);
    for (int i = 0; i < v.length; i++) assertThat(Math.abs(back[i] - v[i])).isLessThanOrEqualTo(0.5f / 127 / 2 + 1e-7f);
    assertThat(SentenceVectors.decode(new BytesRef(SentenceVectors.encode(new float[3])))).containsExactly(0, 0, 0);
  }
}

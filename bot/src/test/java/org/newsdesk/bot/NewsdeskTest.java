package org.newsdesk.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.bot.log.AnswerLog;
import org.newsdesk.bot.log.Question;
import org.newsdesk.bot.log.ReplyText;
import org.newsdesk.config.ConfigException;
import org.newsdesk.config.NewsdeskConfig;
import org.newsdesk.retrieval.answer.Answer;
import org.newsdesk.retrieval.embed.LazyEmbeddingModel;
import org.newsdesk.retrieval.embed.WrappedEmbeddingModel;
import org.newsdesk.testkit.TestOpenSearch;
import org.newsdesk.testkit.WordHashEmbeddingModel;

/**
 * The composition root builds the embedding model only when dense retrieval is on and something is
 * embedded, and names the configured index where it is, a folder or a cluster.
 */
class NewsdeskTest {
  private static final Path SEEDS = Path.of(System.getProperty("newsdesk.shared"), "seeds");
  private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

  @TempDir Path tmp;
  private final AtomicInteger created = new AtomicInteger();
  private final LazyEmbeddingModel model = new LazyEmbeddingModel(WordHashEmbeddingModel.NAME,
      WordHashEmbeddingModel.DIMENSION, () -> {
        created.incrementAndGet();
        return new WordHashEmbeddingModel();
      });

  private NewsdeskConfig config(String dense) {
    return NewsdeskConfig.load(Map.of(), Map.of("newsdesk.articles", SEEDS.toString(),
        "newsdesk.data", tmp.resolve("data").toString(), "newsdesk.retrieval.dense", dense));
  }

  /** Indexes the seeds, searches, answers and asks what the library holds. */
  private static void useEverything(Newsdesk app) {
    app.indexed(true, NOWHERE);
    assertThat(app.searcher().search("Where is Biden going for the NATO summit?", 3)).isNotEmpty();
    app.answerer().answer("chat", "Where is Biden going for the NATO summit?");
    assertThat(app.library().sources().articles()).isEqualTo(5);
  }

  @Test
  void should_never_create_the_embedding_model_when_dense_retrieval_is_off() {
    try (Newsdesk app = Newsdesk.of(config("false"), model)) {
      useEverything(app);

      assertThat(app.embeddingModel()).isEmpty();
      assertThat(app.index().signature().embeddingModel()).isEmpty();
    }
    assertThat(created).hasValue(0);
  }

  @Test
  void should_leave_no_index_folder_behind_when_the_first_index_fails() {
    LazyEmbeddingModel broken = new LazyEmbeddingModel(WordHashEmbeddingModel.NAME, WordHashEmbeddingModel.DIMENSION,
        () -> {
          throw new IllegalStateException("the model's weights are damaged");
        });

    try (Newsdesk app = Newsdesk.of(config("true"), broken)) {
      assertThatThrownBy(() -> app.indexed(true, NOWHERE)).isInstanceOf(UserFacingException.class)
          .hasMessageStartingWith("indexing " + SEEDS + " failed: ");
    }

    assertThat(tmp.resolve("data/index")).doesNotExist();
  }

  @Test
  void should_keep_the_index_of_an_earlier_run_when_a_later_reindex_fails() throws Exception {
    try (Newsdesk app = Newsdesk.of(config("true"), model)) {
      app.indexed(true, NOWHERE);
    }
    LazyEmbeddingModel broken = new LazyEmbeddingModel(WordHashEmbeddingModel.NAME, WordHashEmbeddingModel.DIMENSION,
        () -> {
          throw new IllegalStateException("the model's weights are damaged");
        });
    Path articles = java.nio.file.Files.createDirectories(tmp.resolve("more"));
    java.nio.file.Files.writeString(articles.resolve("ferry.txt"), "Ferry returns\n\nThe night ferry runs again from June.\n");
    NewsdeskConfig more = NewsdeskConfig.load(Map.of(), Map.of("newsdesk.articles", articles.toString(),
        "newsdesk.data", tmp.resolve("data").toString()));

    try (Newsdesk app = Newsdesk.of(more, broken)) {
      assertThatThrownBy(() -> app.indexed(true, NOWHERE)).isInstanceOf(UserFacingException.class);
    }

    try (Newsdesk app = Newsdesk.of(config("true"), model)) {
      assertThat(app.index().stats().articles()).isEqualTo(5);
    }
  }

  @Test
  void should_create_the_embedding_model_once_when_dense_retrieval_is_on() {
    try (Newsdesk app = Newsdesk.of(config("true"), model)) {
      useEverything(app);

      assertThat(app.index().signature().embeddingModel()).contains(WordHashEmbeddingModel.NAME);
    }
    assertThat(created).hasValue(1);
  }

  /** {@link WordHashEmbeddingModel} that writes down every text it embeds in {@code embedded}. */
  private static EmbeddingModel recording(List<String> embedded) {
    return new WrappedEmbeddingModel(new WordHashEmbeddingModel()) {
      @Override
      public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        synchronized (embedded) {
          segments.forEach(s -> embedded.add(s.text()));
        }
        return model.embedAll(segments);
      }
    };
  }

  @Test
  void should_embed_a_question_once_for_search_reader_and_log_and_nothing_again_when_it_is_asked_again() {
    List<String> embedded = new ArrayList<>();
    String question = "Where is Biden going for the NATO summit?";
    try (Newsdesk app = Newsdesk.of(config("true"), recording(embedded))) {
      app.indexed(true, NOWHERE);
      embedded.clear();

      app.answerer().answer("one", question);
      assertThat(embedded).filteredOn(question::equals).hasSize(1);
      assertThat(embedded).hasSizeGreaterThan(1); // the reader's sentences too
      embedded.clear();

      app.answerer().answer("two", question);
      assertThat(embedded).isEmpty();
    }
    assertThat(tmp.resolve("data/sentence-vectors")).doesNotExist();
  }

  @Test
  void should_embed_only_the_question_when_the_sentences_vectors_are_made_while_indexing() {
    List<String> embedded = new ArrayList<>();
    NewsdeskConfig stored = NewsdeskConfig.load(Map.of(), Map.of("newsdesk.articles", SEEDS.toString(),
        "newsdesk.data", tmp.resolve("data").toString(), "newsdesk.answer.sentence-vectors", "true"));
    String question = "Where is Biden going for the NATO summit?";
    try (Newsdesk app = Newsdesk.of(stored, recording(embedded))) {
      app.indexed(true, NOWHERE);
      int indexed = embedded.size();
      assertThat(indexed).isGreaterThan(app.index().stats().passages());
      embedded.clear();

      Answer answer = app.answerer().answer("one", question);

      assertThat(answer.answered()).isTrue();
      assertThat(embedded).containsExactly(question);
    }
    assertThat(tmp.resolve("data/sentence-vectors")).isDirectory();
  }

  @Test
  void should_name_the_cluster_when_it_holds_no_index_and_there_is_no_articles_folder() {
    String url = TestOpenSearch.url();
    String alias = "nd-test-root-" + ProcessHandle.current().pid();
    Path missing = tmp.resolve("no-articles");
    NewsdeskConfig cluster = NewsdeskConfig.load(Map.of(), Map.of("newsdesk.articles", missing.toString(),
        "newsdesk.data", tmp.resolve("data").toString(), "newsdesk.index.backend", "opensearch",
        "newsdesk.index.opensearch.url", url, "newsdesk.index.opensearch.index", alias));

    try (Newsdesk app = Newsdesk.of(cluster, model)) {
      assertThatThrownBy(() -> app.indexed(false, NOWHERE)).isInstanceOf(ConfigException.class)
          .hasMessage("no index at " + url + " (index " + alias + ") and no articles folder at " + missing
              + "; run: newsdesk index --articles DIR");
    }
  }

  @Test
  void should_give_serve_a_log_that_stores_the_meaning_of_what_the_articles_could_not_answer() throws Exception {
    assertThat(vectorsLoggedFor(config("true"))).containsExactly(WordHashEmbeddingModel.NAME);
  }

  @Test
  void should_give_serve_a_log_that_stores_no_meaning_when_dense_retrieval_is_off() throws Exception {
    assertThat(vectorsLoggedFor(config("false"))).isEmpty();
  }

  /** The models of the vectors the application's answer log stores with a not-found answer of its answerer. */
  private List<String> vectorsLoggedFor(NewsdeskConfig config) throws Exception {
    try (Newsdesk app = Newsdesk.of(config, model)) {
      app.indexed(true, NOWHERE);
      Answer answer = app.answerer().answer("telegram:1", "What will the weather be on Mars tomorrow?");
      assertThat(answer.answered()).as("an off-topic question is not found").isFalse();
      AnswerLog log = app.answerLog();
      long id = log.receive(List.of(new Question(1, 1, 1, "private", 1, "What will the weather be on Mars tomorrow?",
          1_000))).get(0).getAsLong();
      log.answered(id, answer, List.of(new ReplyText(answer.text(), answer.text())), 5);
      List<String> models = new ArrayList<>();
      try (Connection c = app.logDatabase().open();
           ResultSet rs = c.createStatement().executeQuery("SELECT model FROM question_vectors")) {
        while (rs.next()) models.add(rs.getString(1));
      }
      return models;
    }
  }
}

package org.newsdesk.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.bot.Main;
import org.newsdesk.testkit.TestOpenSearch;
import picocli.CommandLine;

class IndexAndSearchCommandTest {
  private static final Path SEEDS = Path.of(System.getProperty("newsdesk.shared"), "seeds");

  @TempDir Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

  private int run(String stdin, String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    ((SearchCommand) cl.getSubcommands().get("search").getCommand()).progress =
        new PrintStream(progress, true, StandardCharsets.UTF_8);
    IndexCommand index = (IndexCommand) cl.getSubcommands().get("index").getCommand();
    index.terminal = new PrintStream(progress, true, StandardCharsets.UTF_8);
    index.stderrIsTerminal = () -> false;
    if (stdin != null) {
      ((SearchCommand) cl.getSubcommands().get("search").getCommand()).in =
          new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    }
    return cl.execute(args);
  }

  private String data() {
    return tmp.resolve("data").toString();
  }

  @Test
  void should_print_counts_first_and_a_line_per_file_when_indexing_the_seeds() {
    int code = run(null, "index", "--articles", SEEDS.toString(), "--data", data());

    assertThat(code).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines.get(0)).isEqualTo("5 indexed, 0 unchanged, 0 deleted, 0 rejected");
    assertThat(lines.subList(1, 6)).allMatch(l -> l.matches("indexed    00[0-4]_[0-9a-f]+\\.txt: [1-9][0-9]* passages?"));
  }

  @Test
  void should_report_every_seed_unchanged_when_indexing_twice() {
    run(null, "index", "--articles", SEEDS.toString(), "--data", data());
    out.getBuffer().setLength(0);

    int code = run(null, "index", "--articles", SEEDS.toString(), "--data", data());

    assertThat(code).isZero();
    assertThat(out.toString()).startsWith("0 indexed, 5 unchanged, 0 deleted, 0 rejected\n");
  }

  @Test
  void should_reject_a_file_over_the_size_limit_naming_the_setting_when_indexing() throws Exception {
    Path articles = tmp.resolve("articles");
    Files.createDirectories(articles);
    Files.writeString(articles.resolve("ferry.txt"), "Ferry returns\n\nThe night ferry runs again from June.\n");
    Files.writeString(articles.resolve("big.txt"), "Big story\n\n" + "Words of the story. ".repeat(100));

    int code = run(null, "index", "--articles", articles.toString(), "--data", data(),
        "--set", "newsdesk.ingest.max-file-bytes=1000");

    assertThat(code).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines.subList(0, 3)).containsExactly(
        "1 indexed, 0 unchanged, 0 deleted, 1 rejected",
        "rejected   big.txt: too large: 2011 bytes, over newsdesk.ingest.max-file-bytes (1000)",
        "indexed    ferry.txt: 1 passage");
    assertThat(lines.get(3)).matches("1 article, 1 passage in the index \\(took \\d+ ms\\)");
  }

  @Test
  void should_say_what_it_replaces_before_indexing_a_folder_that_shares_no_file_with_the_index() throws Exception {
    run(null, "index", "--articles", SEEDS.toString(), "--data", data());
    Path other = Files.createDirectories(tmp.resolve("news"));
    Files.writeString(other.resolve("ferry.txt"), "Ferry returns\n\nThe night ferry runs again from June.\n");
    out.getBuffer().setLength(0);

    int code = run(null, "index", "--articles", other.toString(), "--data", data());

    assertThat(code).isZero();
    assertThat(progress.toString(StandardCharsets.UTF_8)).isEqualTo("newsdesk: the index at " + tmp.resolve("data/index")
        + " holds 5 articles from another folder; replacing them with the articles in " + other + "\n");
    assertThat(out.toString()).startsWith("1 indexed, 0 unchanged, 5 deleted, 0 rejected\n");
  }

  @Test
  void should_say_nothing_of_replacing_when_the_folder_keeps_some_of_the_index_s_files() throws Exception {
    Path articles = Files.createDirectories(tmp.resolve("news"));
    Files.writeString(articles.resolve("ferry.txt"), "Ferry returns\n\nThe night ferry runs again from June.\n");
    run(null, "index", "--articles", articles.toString(), "--data", data());
    Files.writeString(articles.resolve("bridge.txt"), "Bridge closes\n\nThe Vessel bridge closes for six months.\n");

    int code = run(null, "index", "--articles", articles.toString(), "--data", data());

    assertThat(code).isZero();
    assertThat(progress.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void should_fail_with_exit_2_and_say_so_when_the_articles_folder_is_missing() {
    Path missing = tmp.resolve("nowhere");

    int code = run(null, "index", "--articles", missing.toString(), "--data", data());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("newsdesk: no articles folder at " + missing + " (give --articles DIR)\n");
  }

  @Test
  void should_show_the_summit_story_first_when_searching_for_the_nato_summit() {
    run(null, "index", "--articles", SEEDS.toString(), "--data", data());
    out.getBuffer().setLength(0);

    int code = run(null, "search", "Where is Biden travelling for the emergency NATO summit?", "--data", data(), "--top", "3");

    assertThat(code).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines.get(0)).matches("1\\. .+  \\(score \\d+\\.\\d\\d\\)");
    assertThat(lines.get(1)).startsWith("   003_");
    assertThat(lines.get(2)).startsWith("   > ").contains("NATO summit");
    // Under the sentence, the passage's opening, cut short (a passage runs to 500 words): a hit fits a screen.
    List<String> firstHit = lines.subList(0, lines.indexOf(""));
    assertThat(firstHit.getLast()).endsWith(" …");
    assertThat(firstHit).hasSizeLessThanOrEqualTo(12);
  }

  @Test
  void should_cut_a_long_passage_to_its_opening_words_and_leave_a_short_one_whole() {
    String longText = "word ".repeat(SearchCommand.EXCERPT_WORDS + 5);

    assertThat(SearchCommand.excerpt(longText)).isEqualTo("word ".repeat(SearchCommand.EXCERPT_WORDS).strip() + " …");
    assertThat(SearchCommand.excerpt(" The tram opens in spring. ")).isEqualTo("The tram opens in spring.");
  }

  @Test
  void should_write_one_json_object_a_line_when_questions_come_from_stdin() throws Exception {
    run(null, "index", "--articles", SEEDS.toString(), "--data", data());
    out.getBuffer().setLength(0);

    int code = run("Where is Biden travelling for the emergency NATO summit?\n***\n\ntram AND (\n", "search", "--data", data(), "--top", "2");

    assertThat(code).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(3);
    ObjectMapper json = new ObjectMapper();
    JsonNode first = json.readTree(lines.get(0));
    assertThat(first.get("query").asText()).isEqualTo("Where is Biden travelling for the emergency NATO summit?");
    assertThat(first.get("hits")).hasSize(2);
    JsonNode hit = first.get("hits").get(0);
    assertThat(hit.get("articleId").asText()).startsWith("003_");
    assertThat(hit.fieldNames()).toIterable()
        .containsExactly("articleId", "title", "url", "published", "source", "passage", "sentence", "score");
    assertThat(hit.get("passage").asText()).contains(hit.get("sentence").asText());
    assertThat(json.readTree(lines.get(1)).toString()).isEqualTo("{\"query\":\"***\",\"hits\":[]}");
    assertThat(json.readTree(lines.get(2)).get("query").asText()).isEqualTo("tram AND (");
  }

  @Test
  void should_name_how_the_index_was_built_and_the_command_that_rebuilds_it_when_dense_search_meets_a_words_only_index() {
    run(null, "index", "--articles", SEEDS.toString(), "--data", data(), "--set", "newsdesk.retrieval.dense=false");
    out.getBuffer().setLength(0);

    int code = run(null, "search", "Where is Biden travelling for the emergency NATO summit?", "--data", data());

    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).isEqualTo("newsdesk: the Lucene index at " + tmp.resolve("data/index")
        + " was built without passage vectors, and dense retrieval embeds with bge-small-en-v1.5-q; rebuild it with: "
        + "newsdesk index --articles DIR (or set newsdesk.retrieval.dense=false)\n");
  }

  @Test
  void should_search_by_words_alone_over_a_words_only_index_when_dense_retrieval_is_off() {
    run(null, "index", "--articles", SEEDS.toString(), "--data", data(), "--set", "newsdesk.retrieval.dense=false");
    out.getBuffer().setLength(0);

    int code = run(null, "search", "Where is Biden travelling for the emergency NATO summit?", "--data", data(),
        "--top", "1", "--set", "newsdesk.retrieval.dense=false");

    assertThat(code).isZero();
    assertThat(out.toString().lines().toList().get(1)).startsWith("   003_");
  }

  @Test
  void should_index_the_articles_first_when_searching_without_an_index() {
    int code = run(null, "search", "Where is Biden travelling for the emergency NATO summit?", "--data", data(),
        "--articles", SEEDS.toString(), "--top", "1");

    assertThat(code).isZero();
    assertThat(progress.toString(StandardCharsets.UTF_8)).isEqualTo("newsdesk: no index yet, indexing " + SEEDS
        + " first...\nnewsdesk: " + SEEDS + ": 5 indexed, 0 unchanged, 0 deleted, 0 rejected\n");
    assertThat(out.toString().lines().toList().get(1)).startsWith("   003_");
  }

  @Test
  void should_tell_how_to_build_the_index_when_searching_without_one_or_any_articles() {
    Path missing = tmp.resolve("nowhere");

    int code = run(null, "search", "anything", "--data", data(), "--set", "newsdesk.articles=" + missing);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("newsdesk: no index at " + tmp.resolve("data/index")
        + " and no articles folder at " + missing + "; run: newsdesk index --articles DIR\n");
    assertThat(tmp.resolve("data")).doesNotExist();
  }

  /** Dense retrieval on, with bge-small: both backends fuse the words ranking with the nearest passage vectors. */
  @Test
  void should_index_the_seeds_into_opensearch_once_and_search_them_as_the_lucene_index_does() throws Exception {
    String alias = "nd-test-cli-" + ProcessHandle.current().pid();
    String[] cluster = {"--set", "newsdesk.index.backend=opensearch", "--set",
        "newsdesk.index.opensearch.url=" + TestOpenSearch.url(), "--set", "newsdesk.index.opensearch.index=" + alias,
        "--set", "newsdesk.retrieval.dense=true"};
    String question = "What did Peskov say about Kaliningrad?";
    try {
      run(null, concat(new String[] {"index", "--articles", SEEDS.toString(), "--data", data()}, cluster));
      assertThat(out.toString()).startsWith("5 indexed, 0 unchanged, 0 deleted, 0 rejected\n");
      out.getBuffer().setLength(0);
      run(null, concat(new String[] {"index", "--articles", SEEDS.toString(), "--data", data()}, cluster));
      assertThat(out.toString()).startsWith("0 indexed, 5 unchanged, 0 deleted, 0 rejected\n");
      out.getBuffer().setLength(0);
      assertThat(run(null, concat(new String[] {"search", "--json", "--data", data(), question}, cluster))).isZero();
      JsonNode fromCluster = new ObjectMapper().readTree(out.toString());
      out.getBuffer().setLength(0);

      run(null, "index", "--articles", SEEDS.toString(), "--data", tmp.resolve("lucene").toString(),
          "--set", "newsdesk.retrieval.dense=true");
      out.getBuffer().setLength(0);
      run(null, "search", "--json", "--data", tmp.resolve("lucene").toString(), question,
          "--set", "newsdesk.retrieval.dense=true");
      JsonNode fromLucene = new ObjectMapper().readTree(out.toString());

      // The same passages, in the same order, with the same scores but for the last digits: the fusion
      // weighs the nearest vectors' similarities, read from quantized codes that each engine derives
      // per segment from the vectors it holds. The sentence shown is chosen by term counts on a cluster, by
      // terms weighted with the index's IDF on Lucene: it may differ.
      List<Double> clusterScores = new java.util.ArrayList<>();
      List<Double> luceneScores = new java.util.ArrayList<>();
      for (JsonNode hits : List.of(fromCluster.path("hits"), fromLucene.path("hits"))) {
        hits.forEach(h -> {
          com.fasterxml.jackson.databind.node.ObjectNode hit = (com.fasterxml.jackson.databind.node.ObjectNode) h;
          hit.remove("sentence");
          (hits == fromCluster.path("hits") ? clusterScores : luceneScores).add(hit.remove("score").asDouble());
        });
      }
      assertThat(fromCluster.path("hits")).hasSize(5);
      assertThat(fromCluster.path("hits").get(0).path("title").asText())
          .isEqualTo("Kremlin: Putin will not congratulate Biden on U.S. Independence Day"); // the one naming Kaliningrad
      assertThat(fromCluster).isEqualTo(fromLucene);
      assertThat(clusterScores).hasSameSizeAs(luceneScores);
      for (int i = 0; i < luceneScores.size(); i++) {
        assertThat(clusterScores.get(i)).as("score of hit %d", i + 1).isCloseTo(luceneScores.get(i), within(0.01));
      }
    } finally {
      java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
          java.net.URI.create(TestOpenSearch.url() + "/" + alias + "-*?expand_wildcards=all")).DELETE().build(),
          java.net.http.HttpResponse.BodyHandlers.discarding());
    }
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}

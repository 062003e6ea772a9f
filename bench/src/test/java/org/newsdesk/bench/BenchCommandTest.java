package org.newsdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.testkit.TestOpenSearch;
import picocli.CommandLine;

class BenchCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = BenchCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  /** Runs a benchmark, which prints its table to System.out; returns what it printed. */
  private String table(String... args) {
    PrintStream stdout = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      assertThat(run(args)).as("exit code; stderr: %s", err).isZero();
    } finally {
      System.setOut(stdout);
    }
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  void should_list_every_benchmark_when_asked_for_help() {
    assertThat(run("--help")).isZero();

    assertThat(out.toString()).startsWith("Usage: newsdesk bench [-hV] [COMMAND]" + System.lineSeparator()
        + "Run a benchmark and print its table.");
    assertThat(BenchCommand.commandLine().getSubcommands().keySet()).containsExactly("retrieval-quality",
        "retrieval-speed", "answer-quality", "answer-latency", "bot", "review", "backends", "rtqa");
  }

  @Test
  void should_exit_2_naming_the_problem_when_no_benchmark_is_given() {
    assertThat(run()).isEqualTo(2);

    assertThat(err.toString()).startsWith("Missing benchmark name" + System.lineSeparator());
  }

  @Test
  void should_exit_1_with_one_line_when_the_seeds_are_missing() {
    Path missing = dir.resolve("nowhere");

    assertThat(run("answer-latency", "--shared", missing.toString())).isEqualTo(1);

    assertThat(err.toString()).isEqualTo("newsdesk: no seeds folder at " + missing.resolve("seeds")
        + "; pass --shared DIR" + System.lineSeparator());
  }

  @Test
  void should_print_the_review_table_when_it_fills_an_empty_log() {
    String printed = table("review", "--data", dir.toString(), "--answers", "600", "--repeats", "1");

    assertThat(printed).startsWith("generated 600 answers in ")
        .contains("SQLite, 600 answers, page of 50, query on an open connection, median of 1 runs")
        .contains("| filter | matches | first page ms | deep page ms |")
        .contains("| none (all answers) | 600 |")
        .contains("CSV export of all answers: ");
  }

  @Test
  void should_print_the_speed_table_when_it_indexes_a_small_generated_corpus() {
    String printed = table("retrieval-speed", "--shared", dir.resolve("no-squad").toString(), "--work",
        dir.resolve("work").toString(), "--mb", "1", "--questions", "50", "--data", dir.resolve("data").toString());

    assertThat(printed).startsWith("Corpus: ").contains("(built-in), Zipf s=1, seed 20240321")
        .contains("| no-change reindex ").contains("| query latency p50 (1 thread) ");
    assertThat(dir.resolve("work/retrieval-speed")).doesNotExist();
  }

  /**
   * A SQuAD file of three paragraphs on unrelated topics, each asked one question that only its own
   * paragraph's words answer, and the apples' paragraph a second one that shares no word with any
   * paragraph but means the same as it.
   */
  private Path squadFixture() throws Exception {
    Path squad = Files.createDirectories(dir.resolve("shared/eval/squad2"));
    Files.writeString(squad.resolve("dev-v2.0.json"), """
        {"data": [{"title": "Harbour_Town", "paragraphs": [
          {"context": "The ferry to Lindholm island runs again from Monday, the port authority said. Crossings stopped in November after storms damaged the pier.",
           "qas": [{"question": "When does the ferry to Lindholm island run again?", "answers": [{"text": "from Monday"}]},
                   {"question": "What is the recipe for borscht?", "answers": [], "is_impossible": true}]},
          {"context": "Pupils moved into the new Brookvale school on Monday. The old building was closed by the council two years ago after an inspection found damp walls.",
           "qas": [{"question": "Why did the council close the old Brookvale school building?", "answers": [{"text": "damp walls"}]}]}]},
         {"title": "Orchard_Valley", "paragraphs": [
          {"context": "Apple growers in the valley expect a record harvest this autumn, helped by a warm spring and no late frost.",
           "qas": [{"question": "What harvest do the apple growers expect?", "answers": [{"text": "a record harvest"}]},
                   {"question": "Which fruit crop looks bumper thanks to mild weather?", "answers": [{"text": "Apple"}]}]}]}]}
        """);
    return dir.resolve("shared");
  }

  /** The first table's rows, each a list of its cells. */
  private static List<List<String>> firstTable(String printed) {
    return printed.lines().dropWhile(l -> !l.startsWith("| variant ")).takeWhile(l -> l.startsWith("|"))
        .map(l -> java.util.Arrays.stream(l.split("\\|")).skip(1).map(String::strip).toList()).toList();
  }

  @Test
  void should_add_the_application_searching_by_words_and_meaning_to_the_first_table_and_embed_nothing_when_rerun()
      throws Exception {
    Path shared = squadFixture();
    Path work = dir.resolve("work");

    String printed = table("retrieval-quality", "--shared", shared.toString(), "--work", work.toString(), "--data",
        dir.resolve("data").toString());
    String again = table("retrieval-quality", "--shared", shared.toString(), "--work", work.toString(), "--data",
        dir.resolve("data").toString());

    List<String> lines = printed.lines().toList();
    assertThat(lines.get(0)).isEqualTo("work folder " + work + ": 3 passages embedded for the application's index");
    assertThat(lines.get(1)).isEqualTo("SQuAD 2.0 dev: 3 paragraphs, 4 answerable questions");
    List<List<String>> rows = firstTable(printed);
    assertThat(rows.get(0)).containsExactly("variant", "k1", "b", "title", "phrase", "slop", "R@1", "R@5", "R@10",
        "MRR@10");
    // Words find three questions' paragraphs first and the fruit question's nowhere; bge puts the ferry, the
    // school and the apples apart and the fruit crop beside the apples, so only the application finds all four.
    // Its row takes the configured BM25 settings.
    assertThat(rows).contains(List.of("newsdesk (config defaults)", "0.9", "0.75", "0.5", "0.5", "2", "0.750",
        "0.750", "0.750", "0.750"));
    assertThat(rows).contains(List.of("newsdesk, shipped defaults: words and meaning fused (bge-small-en-v1.5-q)",
        "0.9", "0.75", "0.5", "0.5", "2", "1.000", "1.000", "1.000", "1.000"));
    assertThat(rows).hasSize(2 + 6);
    assertThat(again.lines().toList().get(0)).as("a rerun over the same work folder")
        .isEqualTo("work folder " + work + ": 0 passages embedded for the application's index");
    assertThat(firstTable(again)).isEqualTo(rows);
    assertThat(work.resolve("articles/squad.jsonl")).exists();
  }

  @Test
  void should_name_the_application_row_words_only_when_dense_retrieval_is_off() throws Exception {
    String printed = table("retrieval-quality", "--shared", squadFixture().toString(), "--work",
        dir.resolve("work").toString(), "--data", dir.resolve("data").toString(), "--set",
        "newsdesk.retrieval.dense=false", "--set", "newsdesk.retrieval.k1=1.2");

    assertThat(printed.lines().findFirst()).contains("work folder " + dir.resolve("work")
        + ": 0 passages embedded for the application's index");
    assertThat(firstTable(printed)).contains(List.of("newsdesk, shipped defaults: words only (BM25, dense retrieval off)",
        "1.2", "0.75", "0.5", "0.5", "2", "0.750", "0.750", "0.750", "0.750"));
  }

  @Test
  void should_compare_both_backends_searched_with_words_and_meaning_fused_embedding_each_passage_once()
      throws Exception {
    Path articles = Files.createDirectories(dir.resolve("articles"));
    Files.writeString(articles.resolve("ferry.txt"), "Ferry service returns\n\nThe ferry to the island runs again"
        + " from Monday, the port authority said, after a winter without crossings.\n");
    Files.writeString(articles.resolve("school.txt"), "New school opens in the valley\n\nPupils moved into the new"
        + " school building on Monday, two years after the old one was closed by the council.\n");
    Path rtqa = Files.createDirectories(dir.resolve("shared/eval/rtqa-2024"));
    Files.writeString(rtqa.resolve("questions.jsonl"), """
        {"date": "2024-03-08", "question": "When does the ferry to the island run again?", "answer": "from Monday"}
        {"date": "2024-03-08", "question": "How long was the old school closed?", "answer": "two years"}
        {"date": "2024-03-08", "question": "Which authority spoke about the crossings?", "answer": "port authority"}
        """);
    String url = TestOpenSearch.url();
    String alias = "nd-test-bench-" + ProcessHandle.current().pid();
    try {
      String printed = table("backends", "--shared", dir.resolve("shared").toString(), "--articles",
          articles.toString(), "--work", dir.resolve("work").toString(), "--questions", "2", "--data",
          dir.resolve("data").toString(), "--set", "newsdesk.index.opensearch.url=" + url,
          "--set", "newsdesk.index.opensearch.index=" + alias);

      List<String> lines = printed.lines().toList();
      assertThat(lines.get(0)).isEqualTo("search: words and meaning fused (bge-small-en-v1.5-q)");
      assertThat(lines.get(1)).matches("lucene \\(embedded\\): 2 indexed, 0 unchanged, 0 deleted, 0 rejected"
          + " in \\d+\\.\\d s, 2 passages embedded");
      assertThat(lines.get(2)).matches("opensearch " + Pattern.quote(url) + ": 2 indexed, 0 unchanged, 0 deleted,"
          + " 0 rejected in \\d+\\.\\d s, 0 passages embedded");
      assertThat(lines).contains("| backend | passages | embedded | index wall s | passages/s | R@1 | R@5 | R@10"
          + " | p50 / p99 ms, 1 thread | p50 / p99 ms, 4 threads | queries/s, 4 threads |");
      assertThat(lines).anyMatch(l -> l.matches("\\| lucene \\(embedded\\) \\| 2 \\| 2 \\| .* \\| 1\\.000 \\| 1\\.000"
          + " \\| 1\\.000 \\| .*"));
      assertThat(lines).anyMatch(l -> l.matches("\\| opensearch " + Pattern.quote(url) + " \\| 2 \\| 0 \\| .*"
          + " \\| 1\\.000 \\| 1\\.000 \\| 1\\.000 \\| .*"));
      assertThat(printed).contains("| node | heap used MB | heap max MB | RSS MB | segments MB (heap) |");

      String again = table("backends", "--shared", dir.resolve("shared").toString(), "--articles",
          articles.toString(), "--work", dir.resolve("work").toString(), "--questions", "2", "--data",
          dir.resolve("data").toString(), "--set", "newsdesk.index.opensearch.url=" + url,
          "--set", "newsdesk.index.opensearch.index=" + alias);
      assertThat(again.lines().toList().get(1)).as("a rerun over the same work folder")
          .matches("lucene \\(embedded\\): 2 indexed, 0 unchanged, 0 deleted, 0 rejected in \\d+\\.\\d s,"
              + " 0 passages embedded");
    } finally {
      HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/" + alias
          + "-*?expand_wildcards=all")).DELETE().build(), HttpResponse.BodyHandlers.discarding());
    }
  }

  @Test
  void should_exit_1_asking_for_dense_off_when_random_vectors_would_replace_the_model_vectors() throws Exception {
    Path rtqa = Files.createDirectories(dir.resolve("shared/eval/rtqa-2024"));
    Files.writeString(rtqa.resolve("questions.jsonl"), "");
    Files.createDirectories(dir.resolve("articles"));

    assertThat(run("backends", "--random-vectors", "--shared", dir.resolve("shared").toString(), "--articles",
        dir.resolve("articles").toString(), "--data", dir.resolve("data").toString())).isEqualTo(1);

    assertThat(err.toString()).isEqualTo("newsdesk: --random-vectors gives passages random vectors instead of the"
        + " model's; add --set newsdesk.retrieval.dense=false" + System.lineSeparator());
  }
}

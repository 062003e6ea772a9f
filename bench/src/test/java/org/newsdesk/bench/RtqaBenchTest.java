package org.newsdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.testkit.WordHashEmbeddingModel;
import picocli.CommandLine;

/**
 * {@code bench rtqa} over a fixture of three short articles (one passage each) and four questions,
 * three of whose answers are in one article each and one in none, with the word-hash stand-in as
 * the embedding model.
 */
class RtqaBenchTest {
  @TempDir Path dir;
  private StringWriter out;
  private StringWriter err;

  @BeforeEach
  void fixture() throws Exception {
    Path rtqa = Files.createDirectories(dir.resolve("shared/eval/rtqa-2024/articles")).getParent();
    Files.writeString(rtqa.resolve("articles/news-a.jsonl"), """
        {"id": "ferry", "title": "Ferry service returns to the island", "published": "2024-03-04", "text": "The ferry to Lindholm island runs again from Monday, the port authority said. Crossings stopped in November after storms damaged the pier."}
        {"id": "school", "title": "New school opens in the valley", "published": "2024-03-05", "text": "Pupils moved into the new Brookvale school on Monday. The old building was closed by the council two years ago after an inspection found damp walls."}
        """);
    Files.writeString(rtqa.resolve("articles/news-b.jsonl"), """
        {"id": "bridge", "title": "Bridge repairs finish early", "published": "2024-03-06", "text": "Repairs to the Carrow bridge finished three weeks early, the city engineer said. The bridge carries about 9,000 cars a day."}
        """);
    Files.writeString(rtqa.resolve("questions.jsonl"), """
        {"id": "1", "date": "2024-03-08", "question": "Which island does the ferry serve again?", "answer": "Lindholm"}
        {"id": "2", "date": "2024-03-08", "question": "Who closed the old Brookvale school building?", "answer": "the council"}
        {"id": "3", "date": "2024-03-08", "question": "How many cars cross the Carrow bridge each day?", "answer": "9,000"}
        {"id": "4", "date": "2024-03-08", "question": "Which mayor opened the harbour museum?", "answer": "Ingrid Solberg"}
        """);
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cl = new CommandLine(new RtqaBench(WordHashEmbeddingModel::new));
    cl.setExecutionExceptionHandler(BenchCommand.commandLine().getExecutionExceptionHandler());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private List<String> tables(String... extra) {
    String[] args = concat(new String[] {"--shared", dir.resolve("shared").toString(), "--data",
        dir.resolve("data").toString()}, extra);
    assertThat(run(args)).as("exit code; stderr: %s", err).isZero();
    return out.toString().lines().toList();
  }

  private static List<String> cells(String line) {
    return Arrays.stream(line.split("\\|")).skip(1).map(String::strip).toList();
  }

  private static final List<String> INDEXING = List.of("variant", "articles");
  private static final List<String> RETRIEVAL = List.of("variant", "questions", "R@1");
  private static final List<String> ANSWERS = List.of("variant", "questions", "answered");

  /** The cells of the row whose first cell is {@code first}, in the table whose header starts with {@code header}. */
  private static List<String> row(List<String> lines, List<String> header, String first) {
    int at = 0;
    while (at < lines.size() && !(lines.get(at).startsWith("|") && cells(lines.get(at)).size() >= header.size()
        && cells(lines.get(at)).subList(0, header.size()).equals(header))) {
      at++;
    }
    for (int i = at + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      if (cells(lines.get(i)).getFirst().equals(first)) return cells(lines.get(i));
    }
    throw new AssertionError("no row " + first + " in the table " + header + " in\n" + String.join("\n", lines));
  }

  @Test
  void should_print_a_row_per_variant_in_each_table_with_recall_counted_by_hand() {
    List<String> lines = tables();

    assertThat(lines.getFirst()).isEqualTo("RealTimeQA 2024, " + dir.resolve("shared/eval/rtqa-2024/articles")
        + ": all 2 article files, 4 of 4 questions");
    assertThat(lines).contains("Variants:", "- before: newsdesk.retrieval.dense=false, newsdesk.answer.recency-weight=0,"
        + " newsdesk.ingest.passage-min-words=60, newsdesk.ingest.passage-max-words=200, newsdesk.retrieval.k1=0.9,"
        + " newsdesk.retrieval.b=0.75, newsdesk.retrieval.title-boost=0.5, newsdesk.retrieval.phrase-boost=0.5",
        "- after: the defaults");
    assertThat(lines).anyMatch(l -> l.matches("\\| variant +\\| articles +\\| passages +\\| index wall s +\\| embedded +"
        + "\\| sentences embedded +\\| reused +\\| embedded/s +\\| unchanged reindex s +\\| peak RSS MiB +\\|"));
    assertThat(row(lines, INDEXING, "before").subList(1, 3)).containsExactly("3", "3");
    assertThat(row(lines, INDEXING, "before").subList(4, 8)).containsExactly("0", "0", "0", "—");
    assertThat(row(lines, INDEXING, "after").subList(4, 7)).containsExactly("3", "0", "0");
    // Three of the four answers are in the one passage of their article, and every question finds it first.
    for (String variant : List.of("before", "after")) {
      assertThat(row(lines, RETRIEVAL, variant).subList(1, 5))
          .containsExactly("4", "0.750", "0.750", "0.750");
    }
    assertThat(row(lines, RETRIEVAL, "plain BM25, 150-word windows (reference*)")).containsExactly(
        "plain BM25, 150-word windows (reference*)", "1,023", "0.282", "0.475", "0.539", "—", "—");
    assertThat(lines).contains("* measured elsewhere, not by this command: eval/rtqa-2024/README.md, all 1,023"
        + " questions over all articles");
    List<String> answers = row(lines, ANSWERS, "before");
    assertThat(answers).hasSize(8);
    assertThat(answers.get(2)).matches("0\\.\\d{3}|1\\.000");
    assertThat(row(lines, ANSWERS, "Newsdesk at accb46f, extractive (reference*)").subList(1, 5)).containsExactly("1,023", "0.425", "0.131", "0.129");
    assertThat(err.toString()).contains("after: 2 indexed, 0 unchanged, 0 deleted, 0 rejected; 3 articles, 3 passages in ");
  }

  @Test
  void should_embed_nothing_again_when_rerun_and_keep_the_whole_set_vectors_through_a_run_on_fewer_files() {
    tables("--variants", "after");
    List<String> rerun = row(tables("--variants", "after"), INDEXING, "after");
    assertThat(List.of(rerun.get(1), rerun.get(2), rerun.get(4), rerun.get(6), rerun.get(7)))
        .containsExactly("3", "3", "0", "3", "—");

    List<String> subset = tables("--variants", "after", "--files", "news-a.jsonl", "--questions", "2");
    assertThat(subset.getFirst()).endsWith(": news-a.jsonl, 2 of 4 questions");
    List<String> indexing = row(subset, INDEXING, "after");
    assertThat(List.of(indexing.get(1), indexing.get(2), indexing.get(4), indexing.get(6)))
        .containsExactly("2", "2", "0", "2");
    assertThat(row(subset, RETRIEVAL, "after").subList(1, 5))
        .containsExactly("2", "1.000", "1.000", "1.000");

    List<String> whole = tables("--variants", "after");
    indexing = row(whole, INDEXING, "after");
    assertThat(List.of(indexing.get(1), indexing.get(2), indexing.get(4), indexing.get(6)))
        .containsExactly("3", "3", "0", "3");
  }

  @Test
  void should_run_a_variant_defined_on_the_command_line_reusing_the_vectors_of_one_with_the_same_passages() {
    List<String> lines = tables("--variant", "tuned:newsdesk.retrieval.k1=1.2,newsdesk.retrieval.b=0.6",
        "--variants", "after,tuned");

    assertThat(lines).contains("- tuned: newsdesk.retrieval.k1=1.2, newsdesk.retrieval.b=0.6");
    List<String> tuned = row(lines, INDEXING, "tuned");
    assertThat(List.of(tuned.get(4), tuned.get(5), tuned.get(6))).containsExactly("0", "0", "3");
    assertThat(err.toString()).contains("tuned: vectors kept in after/data/index are reused");
  }

  @Test
  void should_count_the_readers_sentences_apart_from_the_passages_and_embed_them_once() {
    List<String> sv = row(tables("--variant", "sv:newsdesk.answer.sentence-vectors=true", "--variants", "after,sv"),
        INDEXING, "sv");
    assertThat(List.of(sv.get(4), sv.get(6))).containsExactly("0", "3");
    assertThat(Integer.parseInt(sv.get(5))).isGreaterThan(3);

    List<String> again = row(tables("--variant", "sv:newsdesk.answer.sentence-vectors=true", "--variants", "sv"),
        INDEXING, "sv");
    assertThat(List.of(again.get(4), again.get(5), again.get(6))).containsExactly("0", "0", "3");
  }

  @Test
  void should_ask_over_the_last_build_as_it_stands_with_keep_index_and_write_every_answer_down() throws Exception {
    tables("--variants", "after", "--answers", dir.resolve("answers-built").toString());
    Path index = dir.resolve("data/bench-rtqa/after/data/index");
    Set<String> segments = segmentFiles(index);

    List<String> lines = tables("--variants", "after", "--keep-index", "--answers", dir.resolve("answers-kept").toString());

    List<String> indexing = row(lines, INDEXING, "after");
    assertThat(List.of(indexing.get(1), indexing.get(2), indexing.get(3), indexing.get(4), indexing.get(6)))
        .containsExactly("3", "3", "kept", "0", "0");
    assertThat(segmentFiles(index)).as("the same segments: nothing was built again").isEqualTo(segments);
    assertThat(err.toString()).contains("after: asking over its last build in ",
        "after: its reindex: 0 indexed, 2 unchanged, 0 deleted, 0 rejected");
    List<String> built = Files.readAllLines(dir.resolve("answers-built/after.tsv"));
    assertThat(Files.readAllLines(dir.resolve("answers-kept/after.tsv"))).isEqualTo(built);
    assertThat(built).hasSize(4);
    List<String> first = List.of(built.getFirst().split("\t", -1));
    assertThat(first).hasSize(8);
    assertThat(first.subList(0, 2)).containsExactly("1", "2024-03-08");
    assertThat(first.subList(5, 7)).containsExactly("Which island does the ferry serve again?", "Lindholm");
    // answered and gold as the answers table counts them
    long gold = built.stream().filter(l -> l.split("\t", -1)[3].equals("1")).count();
    assertThat(row(lines, ANSWERS, "after").get(3)).isEqualTo(String.format(java.util.Locale.ROOT, "%.3f", gold / 4.0));
    for (String line : built) {
      List<String> cells = List.of(line.split("\t", -1));
      if (cells.get(3).equals("1")) assertThat(cells.get(7)).containsIgnoringCase(cells.get(6));
      if (cells.get(2).equals("0")) assertThat(cells.get(7)).isEqualTo("I couldn't find that in the articles.");
    }
  }

  @Test
  void should_build_as_usual_with_keep_index_when_there_is_no_build_of_these_files() {
    tables("--variants", "after", "--files", "news-a.jsonl");

    List<String> indexing = row(tables("--variants", "after", "--keep-index"), INDEXING, "after");

    assertThat(List.of(indexing.get(1), indexing.get(2))).containsExactly("3", "3");
    assertThat(indexing.get(3)).matches("\\d+\\.\\d");
  }

  @Test
  void should_say_so_when_settings_that_change_the_passages_rebuild_the_kept_build() {
    tables("--variants", "after");

    tables("--variants", "after", "--keep-index", "--set", "newsdesk.ingest.passage-max-words=300");

    assertThat(err.toString()).contains("after: its reindex: 2 indexed, 0 unchanged", "after: rebuilt every file: ");
  }

  /** The segments' own files, each with when it was written (an unchanged reindex may still commit a new segments_N). */
  private static Set<String> segmentFiles(Path index) throws Exception {
    try (var files = Files.list(index)) {
      Set<String> out = new java.util.TreeSet<>();
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("_")).toList()) {
        out.add(f.getFileName() + " " + Files.getLastModifiedTime(f).toMillis());
      }
      return out;
    }
  }

  @Test
  void should_exit_2_naming_the_problem_when_a_variant_is_unknown_or_malformed() {
    assertThat(run("--shared", dir.resolve("shared").toString(), "--data", dir.resolve("data").toString(),
        "--variants", "before,later")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("newsdesk: no variant named \"later\"; known: before, after"
        + System.lineSeparator());

    assertThat(run("--shared", dir.resolve("shared").toString(), "--data", dir.resolve("data").toString(),
        "--variant", "k1=1.2")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("newsdesk: --variant must be NAME:KEY=VALUE[,KEY=VALUE...], got \"k1=1.2\""
        + System.lineSeparator());

    assertThat(run("--shared", dir.resolve("shared").toString(), "--data", dir.resolve("data").toString(),
        "--variant", "typo:newsdesk.retrieval.k2=1.2")).isEqualTo(2);
    assertThat(err.toString()).startsWith("newsdesk: unknown setting newsdesk.retrieval.k2 ")
        .contains("(did you mean newsdesk.retrieval.k1?)");
  }

  @Test
  void should_exit_2_when_there_is_no_rtqa_folder_or_no_such_file() {
    Path missing = dir.resolve("nowhere");

    assertThat(run("--shared", missing.toString(), "--data", dir.resolve("data").toString())).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("newsdesk: no articles folder at " + missing.resolve("eval/rtqa-2024/articles")
        + "; pass --shared DIR" + System.lineSeparator());

    assertThat(run("--shared", dir.resolve("shared").toString(), "--data", dir.resolve("data").toString(),
        "--files", "news-c.jsonl")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("newsdesk: --files: no article file news-c.jsonl in "
        + dir.resolve("shared/eval/rtqa-2024/articles") + System.lineSeparator());
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}

package org.newsdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
        "retrieval-speed", "answer-quality", "answer-latency", "bot", "review", "backends");
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
}

package org.newsdesk.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.bot.Main;
import picocli.CommandLine;

/** `newsdesk index` draws a progress bar on a terminal and writes nothing but the report elsewhere. */
class IndexProgressTest {
  private static final Path SEEDS = Path.of(System.getProperty("newsdesk.shared"), "seeds");

  @TempDir Path tmp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();

  private int index(boolean onTerminal, String... more) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    IndexCommand command = (IndexCommand) cl.getSubcommands().get("index").getCommand();
    command.stderrIsTerminal = () -> onTerminal;
    command.terminal = new PrintStream(terminal, true, StandardCharsets.UTF_8);
    command.terminalWidth = 160;
    String[] args = {"index", "--articles", SEEDS.toString(), "--data", tmp.resolve("data").toString()};
    String[] all = new String[args.length + more.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return cl.execute(all);
  }

  @Test
  void should_show_articles_files_and_passages_embedded_when_stderr_is_a_terminal() {
    int code = index(true);

    assertThat(code).isZero();
    String drawn = terminal.toString(StandardCharsets.UTF_8);
    assertThat(drawn).contains("Indexing").contains(" articles").contains("5/5 files").containsPattern(
        "\\d+ passages embedded");
    assertThat(out.toString()).startsWith("5 indexed, 0 unchanged, 0 deleted, 0 rejected\n");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void should_write_only_the_report_when_stderr_is_not_a_terminal() {
    int code = index(false);

    assertThat(code).isZero();
    assertThat(terminal.size()).isZero();
    assertThat(err.toString()).isEmpty();
    assertThat(out.toString()).startsWith("5 indexed, 0 unchanged, 0 deleted, 0 rejected\n");
  }

  @Test
  void should_draw_nothing_when_nothing_changed_even_on_a_terminal() {
    index(false, "--set", "newsdesk.retrieval.dense=false");
    out.getBuffer().setLength(0);

    int code = index(true, "--set", "newsdesk.retrieval.dense=false");

    assertThat(code).isZero();
    assertThat(terminal.size()).isZero();
    assertThat(out.toString()).startsWith("0 indexed, 5 unchanged, 0 deleted, 0 rejected\n");
  }

  @Test
  void should_tell_a_pipe_from_a_terminal() {
    // Surefire runs the tests with their standard error piped to it.
    assertThat(TerminalStreams.stderr()).isFalse();
  }

  @Test
  void should_sum_up_files_and_passages_embedded_in_one_line() {
    IndexProgressBar bar = new IndexProgressBar(new PrintStream(terminal, true, StandardCharsets.UTF_8));
    bar.writing(3, 12, 40_000);
    bar.embedded(1200);
    bar.fileWritten();

    assertThat(bar.status()).isEqualTo("1/3 files, 1,200 passages embedded");
    bar.close();
  }

  @Test
  void should_count_the_readers_sentences_apart_from_the_passages() {
    IndexProgressBar bar = new IndexProgressBar(new PrintStream(terminal, true, StandardCharsets.UTF_8));
    bar.writing(3, 12, 40_000);
    bar.embedded(1200);
    bar.embeddedOther(16_500);
    bar.embeddedOther(8);

    assertThat(bar.status()).isEqualTo("0/3 files, 1,200 passages embedded, 16,508 sentences");
    bar.close();
  }

  @Test
  void should_judge_the_time_left_by_the_text_done_not_by_the_articles_done() {
    IndexProgressBar bar = new IndexProgressBar(new PrintStream(terminal, true, StandardCharsets.UTF_8));
    bar.writing(1, 10, 40_000);
    assertThat(bar.timeLeft(Duration.ofSeconds(5))).isEmpty();

    bar.articlesDone(1, 30_000);
    bar.articlesDone(5, 2_000);

    assertThat(bar.timeLeft(Duration.ofSeconds(32))).contains(Duration.ofSeconds(8));
    bar.close();
  }
}

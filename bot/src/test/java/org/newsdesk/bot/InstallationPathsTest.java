package org.newsdesk.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where {@code newsdesk} looks for articles and keeps its data: the defaults in the installation's
 * folder wherever it is run from, paths the user gives relative to the current folder.
 */
class InstallationPathsTest {
  private static final String QUESTION = "When will the Riverside tram open?";
  private static final String WORDS_ONLY = "newsdesk.retrieval.dense=false";

  @TempDir Path tmp;
  private Path home;
  private Path elsewhere;

  @BeforeEach
  void install() throws IOException {
    home = Files.createDirectories(tmp.resolve("newsdesk"));
    elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Files.createDirectories(home.resolve("samples"));
    try (Stream<Path> samples = Files.list(CliProcess.SAMPLES)) {
      for (Path p : samples.toList()) Files.copy(p, home.resolve("samples").resolve(p.getFileName()));
    }
  }

  private static List<String> entries(Path dir) throws IOException {
    try (Stream<Path> all = Files.list(dir)) {
      return all.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void should_answer_over_the_installation_s_samples_and_keep_the_data_there_when_run_from_another_folder()
      throws IOException {
    CliProcess.Result r = CliProcess.runInstalled(home, elsewhere, Map.of(), "ask", "--set", WORDS_ONLY, QUESTION);

    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stderrLines()).containsExactly(
        "newsdesk: no index yet, indexing " + home.resolve("samples") + " first...",
        "newsdesk: " + home.resolve("samples") + ": 5 indexed, 0 unchanged, 0 deleted, 0 rejected");
    assertThat(r.stdout()).contains("spring of 2027");
    assertThat(entries(home.resolve("data"))).containsExactly("index", "logs");
    assertThat(entries(elsewhere)).isEmpty();
  }

  @Test
  void should_take_the_paths_given_on_the_command_line_relative_to_the_current_folder() throws IOException {
    Files.move(home.resolve("samples"), elsewhere.resolve("news"));

    CliProcess.Result r = CliProcess.runInstalled(home, elsewhere, Map.of(), "ask", "--articles", "news",
        "--data", "state", "--set", WORDS_ONLY, QUESTION);

    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stderrLines().get(1)).isEqualTo("newsdesk: news: 5 indexed, 0 unchanged, 0 deleted, 0 rejected");
    assertThat(entries(elsewhere.resolve("state"))).containsExactly("index", "logs");
    assertThat(entries(home)).isEmpty();
  }

  @Test
  void should_take_the_current_folder_for_the_installation_when_the_jar_is_run_directly() throws IOException {
    Files.move(home.resolve("samples"), elsewhere.resolve("samples"));

    CliProcess.Result r = CliProcess.run(elsewhere, Map.of(), "ask", "--set", WORDS_ONLY, QUESTION);

    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stderrLines().get(0)).isEqualTo("newsdesk: no index yet, indexing samples first...");
    assertThat(entries(elsewhere)).containsExactly("data", "samples");
  }
}

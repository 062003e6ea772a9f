package org.newsdesk.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./newsdesk} launcher over an installation whose jars are built (runs in
 * {@code verify}, after {@code package}): an edit of {@code config/newsdesk.properties} takes
 * effect at the next start, and is no reason to rebuild; the installation's samples and data folder
 * are found from any folder.
 */
class LauncherIT {
  private final Path jar = Path.of(System.getProperty("newsdesk.product.jar"));
  private final Path lib = Path.of(System.getProperty("newsdesk.product.lib"));
  private final Path checkout = jar.getParent().getParent().getParent();

  @TempDir Path install;
  @TempDir Path elsewhere;

  /**
   * An installation whose jars are up to date: the launcher, the poms it checks for staleness, the
   * properties file, the built jars and the samples.
   */
  private void installation() throws IOException {
    Files.copy(checkout.resolve("newsdesk"), install.resolve("newsdesk"));
    assertThat(install.resolve("newsdesk").toFile().setExecutable(true)).isTrue();
    Files.copy(checkout.resolve("pom.xml"), install.resolve("pom.xml"));
    Files.createDirectories(install.resolve("config"));
    Files.copy(checkout.resolve("config/pom.xml"), install.resolve("config/pom.xml"));
    Files.copy(checkout.resolve("config/newsdesk.properties"), install.resolve("config/newsdesk.properties"));
    Files.createDirectories(install.resolve("samples"));
    try (Stream<Path> samples = Files.list(checkout.resolve("samples"))) {
      for (Path p : samples.toList()) Files.copy(p, install.resolve("samples").resolve(p.getFileName()));
    }
    Files.createDirectories(install.resolve("bot/target"));
    Files.copy(jar, install.resolve("bot/target/newsdesk.jar"));
    Files.createSymbolicLink(install.resolve("bot/target/lib"), lib);
    Files.createDirectories(install.resolve("bench/target"));
    Files.writeString(install.resolve("bench/target/newsdesk-bench.jar"), "");
    FileTime built = FileTime.from(Instant.now().minusSeconds(60));
    try (Stream<Path> all = Files.walk(install)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) Files.setLastModifiedTime(p, built);
    }
    Files.setLastModifiedTime(install.resolve("bot/target/newsdesk.jar"), FileTime.from(Instant.now().minusSeconds(30)));
    Files.setLastModifiedTime(install.resolve("bench/target/newsdesk-bench.jar"), FileTime.from(Instant.now().minusSeconds(30)));
  }

  /** What {@code ./newsdesk args...} run in a folder printed (stdout and stderr together), and its exit code. */
  private record Run(int exitCode, String output) {}

  private Run launch(Path workDir, String... args) throws IOException, InterruptedException {
    return launch(Map.of(), workDir, args);
  }

  private Run launch(Map<String, String> env, Path workDir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(install.resolve("newsdesk").toString()));
    command.addAll(List.of(args));
    ProcessBuilder launcher = new ProcessBuilder(command).redirectErrorStream(true).directory(workDir.toFile());
    launcher.environment().remove("NEWSDESK_JAVA_OPTS");
    launcher.environment().putAll(env);
    launcher.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process p = launcher.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), output);
  }

  @Test
  void should_bound_the_heap_at_one_gigabyte_unless_the_java_options_give_one() throws Exception {
    installation();

    Run bounded = launch(Map.of("NEWSDESK_JAVA_OPTS", "-XshowSettings:vm"), install, "--version");
    Run given = launch(Map.of("NEWSDESK_JAVA_OPTS", "-Xmx512m -XshowSettings:vm"), install, "--version");

    assertThat(bounded.exitCode()).as(bounded.output()).isZero();
    assertThat(bounded.output()).containsPattern("Max\\. Heap Size[^:]*: 1\\.00G");
    assertThat(given.output()).containsPattern("Max\\. Heap Size[^:]*: 512\\.00M");
  }

  @Test
  void should_read_an_edited_properties_file_at_start_without_rebuilding() throws Exception {
    installation();
    Path properties = install.resolve("config/newsdesk.properties");
    Files.writeString(properties, Files.readString(properties).replace("newsdesk.retrieval.top-k=5",
        "newsdesk.retrieval.top-k=0"));

    Run run = launch(install, "search", "--data", install.resolve("data").toString(), "tram");

    assertThat(run.output()).doesNotContain("building").isEqualTo("newsdesk: newsdesk.retrieval.top-k must be 1..50, got '0'\n");
    assertThat(run.exitCode()).isEqualTo(2);
  }

  @Test
  void should_answer_over_the_installation_s_samples_into_its_data_folder_when_run_from_another_folder()
      throws Exception {
    installation();

    Run run = launch(elsewhere, "ask", "--set", "newsdesk.retrieval.dense=false", "When will the Riverside tram open?");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).startsWith("newsdesk: no index yet, indexing " + install.resolve("samples") + " first...\n")
        .contains("spring of 2027");
    assertThat(install.resolve("data/index")).isDirectory();
    try (Stream<Path> left = Files.list(elsewhere)) {
      assertThat(left).isEmpty();
    }
  }
}

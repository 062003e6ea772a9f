package org.newsdesk.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The product jar and its {@code lib/} folder as the launcher runs them (built by {@code package},
 * so this runs as an integration test in {@code verify}): they hold the product only. Stand-ins,
 * benchmarks and their data generators live in the testkit and bench modules.
 */
class ProductJarIT {
  /** Packages of the modules that never ship in the product. */
  private static final List<String> FOREIGN_PACKAGES = List.of("org/newsdesk/bench/", "org/newsdesk/testkit/");

  /** Class names of test rigs and benchmarks, wherever someone might put one back. */
  private static final Pattern RIG = Pattern.compile(".*/[^/]*(StandIn|Bench|Synthetic|CorpusGenerator|CorpusLoader"
      + "|HtmlCheck)[^/]*\\.class");

  /** Libraries only tests or benchmarks use. */
  private static final Pattern TEST_LIBRARY = Pattern.compile("(newsdesk-testkit|newsdesk-bench|junit|opentest4j"
      + "|apiguardian|hamcrest|assertj|byte-buddy|mockwebserver|selenium|opentelemetry|guava)[-.].*\\.jar");

  private final Path jar = Path.of(System.getProperty("newsdesk.product.jar"));
  private final Path lib = Path.of(System.getProperty("newsdesk.product.lib"));

  private static List<String> entries(Path jarFile) throws IOException {
    try (JarFile file = new JarFile(jarFile.toFile())) {
      return file.stream().map(JarEntry::getName).toList();
    }
  }

  @Test
  void should_hold_no_stand_in_or_benchmark_class() throws IOException {
    assertThat(entries(jar)).contains("org/newsdesk/bot/Main.class");
    List<Path> ours = new ArrayList<>(List.of(jar));
    try (Stream<Path> files = Files.list(lib)) {
      files.filter(p -> p.getFileName().toString().startsWith("newsdesk-")).sorted().forEach(ours::add);
    }
    assertThat(ours).as("our own jars in %s", lib).hasSizeGreaterThan(2);

    for (Path j : ours) {
      List<String> rigs = entries(j).stream()
          .filter(e -> FOREIGN_PACKAGES.stream().anyMatch(e::startsWith) || RIG.matcher(e).matches())
          .toList();
      assertThat(rigs).as("stand-in or benchmark classes in %s", j).isEmpty();
    }
  }

  @Test
  void should_ship_no_test_only_library() throws IOException {
    List<String> jars;
    try (Stream<Path> files = Files.list(lib)) {
      jars = files.map(p -> p.getFileName().toString()).sorted().toList();
    }

    assertThat(jars).as("libraries in %s", lib).contains("newsdesk-retrieval-0.1.0-SNAPSHOT.jar");
    assertThat(jars.stream().filter(name -> TEST_LIBRARY.matcher(name).matches()).toList())
        .as("test-only libraries in %s", lib).isEmpty();
  }
}

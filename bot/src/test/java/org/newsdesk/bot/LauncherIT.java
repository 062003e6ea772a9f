package org.newsdesk.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./newsdesk} launcher over an installation whose jars are built (runs in
 * {@code verify}, after {@code package}): an edit of {@code config/newsdesk.properties} takes
 * effect at the next start, and is no reason to rebuild.
 */
class LauncherIT {
  private final Path jar = Path.of(System.getProperty("newsdesk.product.jar"));
  private final Path lib = Path.of(System.getProperty("newsdesk.product.lib"));
  private final Path checkout = jar.getParent().getParent().getParent();

  @TempDir Path install;

  @Test
  void should_read_an_edited_properties_file_at_start_without_rebuilding() throws Exception {
    Files.copy(checkout.resolve("newsdesk"), install.resolve("newsdesk"));
    assertThat(install.resolve("newsdesk").toFile().setExecutable(true)).isTrue();
    Files.copy(checkout.resolve("pom.xml"), install.resolve("pom.xml"));
    Files.createDirectories(install.resolve("config"));
    Files.copy(checkout.resolve("config/pom.xml"), install.resolve("config/pom.xml"));
    Path properties = install.resolve("config/newsdesk.properties");
    Files.copy(checkout.resolve("config/newsdesk.properties"), properties);
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
    Files.writeString(properties, Files.readString(properties).replace("newsdesk.retrieval.top-k=5",
        "newsdesk.retrieval.top-k=0"));

    ProcessBuilder launcher = new ProcessBuilder(List.of(install.resolve("newsdesk").toString(), "search", "--data",
        install.resolve("data").toString(), "tram"))
        .redirectErrorStream(true).directory(install.toFile());
    launcher.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process p = launcher.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(output).doesNotContain("building").isEqualTo("newsdesk: newsdesk.retrieval.top-k must be 1..50, got '0'\n");
    assertThat(p.exitValue()).isEqualTo(2);
  }
}

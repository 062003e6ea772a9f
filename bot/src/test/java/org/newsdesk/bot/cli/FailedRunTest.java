package org.newsdesk.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.bot.CliProcess;
import org.newsdesk.bot.Main;
import picocli.CommandLine;

/**
 * A run that fails before it has anything to keep leaves no folder behind: a mistyped {@code --data},
 * a missing articles folder or a bad argument never creates an empty index, log folder or data folder.
 */
class FailedRunTest {
  @TempDir Path tmp;

  private int run(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    return cl.execute(args);
  }

  private String[] with(String data, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--data", data));
    return all.toArray(String[]::new);
  }

  @Test
  void should_leave_no_data_folder_behind_when_a_command_fails_before_writing_anything() throws Exception {
    Path articles = Files.createDirectories(tmp.resolve("articles"));
    String missing = tmp.resolve("nowhere").toString();
    String[][] failures = {
        {"index", "--articles", missing},
        {"search", "--articles", missing, "tram"},
        {"ask", "--articles", missing, "When will the tram open?"},
        {"ask", "--articles", articles.toString(), "   "},
        {"ask", "--articles", articles.toString(), "--mode", "magic", "When will the tram open?"},
        {"chat", "--articles", missing},
        {"review"},
        {"search", "--articles", articles.toString(), "--top", "0", "tram"},
    };

    SoftAssertions softly = new SoftAssertions();
    for (int i = 0; i < failures.length; i++) {
      String[] failure = failures[i];
      Path data = tmp.resolve("data-" + i);

      int code = run(with(data.toString(), failure));

      softly.assertThat(code).as(String.join(" ", failure)).isNotZero();
      softly.assertThat(data).as(String.join(" ", failure)).doesNotExist();
    }
    softly.assertAll();
  }

  @Test
  void should_leave_no_data_folder_behind_when_serve_has_no_token() throws Exception {
    Path articles = Files.createDirectories(tmp.resolve("articles"));
    Path data = tmp.resolve("data");

    CliProcess.Result r = CliProcess.run(tmp, Map.of(), "serve", "--data", data.toString(),
        "--articles", articles.toString());

    assertThat(r.exitCode()).as(r.stderr()).isEqualTo(2);
    assertThat(data).doesNotExist();
  }
}

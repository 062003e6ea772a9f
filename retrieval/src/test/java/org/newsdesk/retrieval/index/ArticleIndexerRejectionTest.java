package org.newsdesk.retrieval.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.retrieval.index.ReindexReport.Bucket;
import org.newsdesk.retrieval.index.ReindexReport.FileResult;
import org.newsdesk.retrieval.ingest.ArticleFile;

/** Rejections that come from the article parser reach the reindex report, and the rest still index. */
class ArticleIndexerRejectionTest {
  private static final byte[] LATIN1 = {'C', 'a', 'f', (byte) 0xE9, ' ', 'o', 'p', 'e', 'n', 's', '\n', '\n', 'I', 't', ' ', 'd', 'i', 'd', '.'};

  @TempDir Path tmp;
  private Path articles;

  @BeforeEach
  void writeArticles() throws IOException {
    articles = ThreeArticles.write(tmp.resolve("articles"));
  }

  private ReindexReport reindex() throws IOException {
    return Reindex.once(tmp.resolve("data/index"), articles);
  }

  private static FileResult file(ReindexReport report, String path) {
    return report.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
  }

  @Test
  void should_reject_with_the_reason_and_index_the_rest_when_a_file_is_not_utf8() throws IOException {
    Files.write(articles.resolve("latin.txt"), LATIN1);

    ReindexReport report = reindex();

    assertThat(report.countsLine()).isEqualTo("3 indexed, 0 unchanged, 0 deleted, 1 rejected");
    assertThat(file(report, "latin.txt").notes()).singleElement().asString().startsWith("not UTF-8");
    assertThat(report.format()).contains("rejected   latin.txt: not UTF-8");
  }

  @Test
  void should_index_the_good_lines_and_name_the_bad_one_when_a_jsonl_line_is_broken() throws IOException {
    Files.writeString(articles.resolve("feed.jsonl"), """
        {"id": "feed-1", "title": "Ferry timetable changes", "text": "The island ferry will sail twice a day from May."}
        {"id": "feed-2", "title": "Broken
        """);

    ReindexReport report = reindex();

    FileResult feed = file(report, "feed.jsonl");
    assertThat(feed.bucket()).isEqualTo(Bucket.INDEXED);
    assertThat(feed.notes()).anyMatch(n -> n.startsWith("bad JSONL line 2"));
    ReindexReport again = reindex();
    assertThat(again.countsLine()).as("a file with a bad line is not indexed again")
        .isEqualTo("0 indexed, 4 unchanged, 0 deleted, 0 rejected");
    assertThat(file(again, "feed.jsonl").notes()).as("its bad line is still reported").singleElement().asString()
        .startsWith("bad JSONL line 2: not valid JSON");
    assertThat(again.format()).contains("unchanged  feed.jsonl: bad JSONL line 2: not valid JSON");
  }

  @Test
  void should_give_a_pipe_a_link_loop_and_a_dangling_link_a_line_with_a_reason_and_index_a_linked_file()
      throws Exception {
    Process mkfifo = new ProcessBuilder("mkfifo", articles.resolve("feed.jsonl").toString()).start();
    assertThat(mkfifo.waitFor()).isZero();
    Files.createSymbolicLink(articles.resolve("loop"), articles);
    Files.createSymbolicLink(articles.resolve("gone.md"), Path.of("moved/gone.md"));
    Path outside = Files.createDirectories(tmp.resolve("elsewhere")).resolve("ferry.txt");
    Files.writeString(outside, "Ferry returns\n\nThe night ferry runs again from June.\n");
    Files.createSymbolicLink(articles.resolve("ferry.txt"), outside);

    ReindexReport report = reindex();

    assertThat(report.countsLine()).isEqualTo("4 indexed, 0 unchanged, 0 deleted, 3 rejected");
    assertThat(report.format()).contains(
        "rejected   feed.jsonl: not a regular file (a named pipe)\n",
        "indexed    ferry.txt: 1 passage\n",
        "rejected   gone.md: a link to moved/gone.md, which does not exist\n",
        "rejected   loop: a link back to a folder it is in (a loop)\n");
  }

  @Test
  void should_word_why_a_file_could_not_be_read_without_its_absolute_path() {
    assertThat(ArticleFile.unreadable(new AccessDeniedException("/srv/news/locked.txt")))
        .isEqualTo("unreadable: permission denied");
    assertThat(ArticleFile.unreadable(new NoSuchFileException("/srv/news/gone.txt"))).isEqualTo("unreadable: no such file");
    assertThat(ArticleFile.unreadable(new FileSystemException("/srv/news/a.txt", null, "Input/output error")))
        .isEqualTo("unreadable: Input/output error");
  }

  @Test
  void should_say_permission_denied_when_a_folder_or_file_cannot_be_read() throws Exception {
    Path locked = Files.createDirectories(articles.resolve("locked"));
    Files.writeString(locked.resolve("inside.txt"), "Inside\n\nText of the locked folder.\n");
    Files.writeString(articles.resolve("secret.txt"), "Secret\n\nText nobody may read.\n");
    Files.setPosixFilePermissions(locked, Set.of());
    Files.setPosixFilePermissions(articles.resolve("secret.txt"), Set.of());
    try {
      String report = reindexWithoutOverridingPermissions();

      assertThat(report).contains("rejected   locked: unreadable: permission denied\n",
          "rejected   secret.txt: unreadable: permission denied\n");
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }

  /**
   * The report of a reindex in a JVM of its own that file permissions bind. Root reads any file
   * whatever its permissions (CI runs as root), so as root the child runs without the two
   * capabilities that let it; it stays root, so it still reads the build's own files.
   */
  private String reindexWithoutOverridingPermissions() throws Exception {
    List<String> command = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      command.addAll(List.of("setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search", "--"));
    }
    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ReportChild.class.getName(),
        articles.toString(), tmp.resolve("data/index").toString()));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the reindex ended").isTrue();
    assertThat(child.exitValue()).as(output).isZero();
    return output;
  }

  @Test
  void should_reject_the_second_article_when_two_files_share_an_article_id() throws IOException {
    Files.writeString(articles.resolve("a.md"), "---\nid: budget-vote\ntitle: Budget passes\n---\n\nThe council passed the budget by one vote.\n");
    Files.writeString(articles.resolve("b.md"), "---\nid: budget-vote\ntitle: Budget fails\n---\n\nThe budget failed after a late walkout.\n");

    ReindexReport report = reindex();

    assertThat(file(report, "a.md").bucket()).isEqualTo(Bucket.INDEXED);
    assertThat(file(report, "b.md").bucket()).isEqualTo(Bucket.REJECTED);
    assertThat(file(report, "b.md").notes()).containsExactly("duplicate article id budget-vote (already in a.md)");
  }
}

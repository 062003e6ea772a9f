package org.newsdesk.retrieval.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.retrieval.index.ReindexReport.Bucket;
import org.newsdesk.retrieval.index.ReindexReport.FileResult;

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
    assertThat(reindex().countsLine()).as("a file with a bad line is reported again, not skipped")
        .isEqualTo("1 indexed, 3 unchanged, 0 deleted, 0 rejected");
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

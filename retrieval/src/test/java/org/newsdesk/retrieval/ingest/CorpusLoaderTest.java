package org.newsdesk.retrieval.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.config.IngestConfig;

class CorpusLoaderTest {
  @TempDir Path root;

  private void write(String name, String content) throws IOException {
    Path file = root.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @Test
  void should_walk_subfolders_and_account_for_every_file() throws IOException {
    write("a.txt", "Harbour crane removed\n\nThe old harbour crane was taken to the museum on Sunday.\n");
    write("2024/june/b.md", "---\nid: b\ntitle: Ferry returns\n---\nThe night ferry runs again from June.\n");
    write("2024/c.jsonl", "{\"id\": \"c\", \"text\": \"The pier reopens on Saturday after repairs.\"}\nnot json\n");
    write("2024/dup.md", "---\nid: b\n---\nAnother story that claims the id of the ferry story.\n");
    write("bad.txt", "Read more\n");
    write(".git/x.txt", "Hidden folders are never read, whatever they hold.\n");
    write("notes.pdf", "not an article");

    CorpusLoader.LoadedCorpus corpus = CorpusLoader.load(root, IngestConfig.defaults());

    assertThat(corpus.articles()).extracting(Article::id).containsExactlyInAnyOrder("a.txt", "b", "c");
    assertThat(corpus.passages()).extracting(p -> p.articleId()).containsExactlyInAnyOrder("a.txt", "b", "c");
    assertThat(corpus.rejections()).extracting(Object::toString).containsExactlyInAnyOrder(
        "2024/c.jsonl: bad JSONL line 2: not valid JSON (Unrecognized token 'not': was expecting "
            + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false'))",
        "2024/june/b.md: duplicate id \"b\" (also in 2024/dup.md)",
        "bad.txt: empty after cleaning");
  }

  @Test
  void should_fail_with_the_path_when_the_folder_does_not_exist() {
    assertThatThrownBy(() -> CorpusLoader.load(root.resolve("missing"), IngestConfig.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a folder of articles: " + root.resolve("missing"));
  }
}

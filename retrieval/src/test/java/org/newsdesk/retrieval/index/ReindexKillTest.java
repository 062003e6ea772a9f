package org.newsdesk.retrieval.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.testkit.CorpusGenerator;

class ReindexKillTest {
  @TempDir Path tmp;

  @Test
  void should_keep_the_last_commit_and_finish_next_time_when_a_reindex_is_killed() throws Exception {
    Path articles = ThreeArticles.write(tmp.resolve("articles"));
    Path index = tmp.resolve("data/index");
    ReindexReport before = Reindex.once(index, articles);
    CorpusGenerator.Corpus corpus = new CorpusGenerator(CorpusGenerator.smallVocabulary(), 7)
        .write(articles.resolve("generated"), 3_000_000, 0);

    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ReindexChild.class.getName(), articles.toString(), index.toString())
        .redirectErrorStream(true)
        .start();
    List<String> output = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        output.add(line);
        if (line.startsWith("indexed")) break;
      }
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(output).as("child output").anyMatch(l -> l.startsWith("indexed")).noneMatch(l -> l.startsWith("done"));
    assertThat(Files.exists(index.resolve("write.lock"))).isTrue();

    try (FSDirectory dir = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(dir)) {
      assertThat(new IndexSearcher(r).count(new TermQuery(new Term(IndexFields.TYPE, IndexFields.TYPE_PASSAGE))))
          .isEqualTo(before.passages());
      assertThat(CorpusStats.of(r).articles()).isEqualTo(3);
    }

    ReindexReport after = Reindex.once(index, articles);

    assertThat(after.countsLine()).isEqualTo(corpus.articles() + " indexed, 3 unchanged, 0 deleted, 0 rejected");
    assertThat(after.articles()).isEqualTo(corpus.articles() + 3);
  }
}

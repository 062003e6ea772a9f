package org.newsdesk.retrieval.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.config.IngestConfig;
import org.newsdesk.retrieval.index.ReindexReport.Bucket;
import org.newsdesk.retrieval.index.ReindexReport.FileResult;
import org.newsdesk.retrieval.ingest.ArticleParser;
import org.newsdesk.retrieval.ingest.Boilerplate;
import org.newsdesk.retrieval.ingest.PassageSplitter;

/** Planning needs the folder and the last run's manifests, no index: the manifests here live in a map. */
class ReindexPlannerTest {
  @TempDir Path tmp;

  private final ReindexPlanner planner = new ReindexPlanner(
      new FileScanner(new ArticleParser(IngestConfig.defaults())), new Parallel(2));
  private final FilePassages passages = new FilePassages(new Boilerplate(IngestConfig.defaults()),
      new PassageSplitter(IngestConfig.defaults()));
  private final List<String> progress = new ArrayList<>();

  /** The manifests a writer would have stored after carrying out {@code plan}. */
  private Map<String, FileManifest> carriedOut(ReindexPlan plan) {
    Map<String, FileManifest> out = new HashMap<>(plan.kept());
    for (Rewrite r : plan.rewrites()) passages.build(r, plan.counts()).manifest().ifPresent(m -> out.put(m.path(), m));
    return out;
  }

  @Test
  void should_plan_every_file_for_writing_when_nothing_is_known() throws IOException {
    Path articles = ThreeArticles.write(tmp.resolve("articles"));

    ReindexPlan plan = planner.plan(articles, Map.of(), Set.of(), progress::add);

    assertThat(plan.rewrites()).extracting(Rewrite::path).containsExactly("bank.txt", "trams.txt", "weather/floods.txt");
    assertThat(plan.results()).isEmpty();
    assertThat(plan.stale()).isEmpty();
    assertThat(progress).first().isEqualTo("found 3 article files, 0 known");
  }

  @Test
  void should_keep_unchanged_files_rewrite_changed_ones_and_drop_deleted_ones_when_manifests_are_known()
      throws IOException {
    Path articles = ThreeArticles.write(tmp.resolve("articles"));
    Map<String, FileManifest> previous = carriedOut(planner.plan(articles, Map.of(), Set.of(), progress::add));
    Files.delete(articles.resolve("trams.txt"));
    Files.writeString(articles.resolve("bank.txt"), ThreeArticles.BANK + "\nA correction was appended later.\n");

    ReindexPlan plan = planner.plan(articles, previous, Set.of(), progress::add);

    assertThat(plan.rewrites()).extracting(Rewrite::path).containsExactly("bank.txt");
    assertThat(plan.results()).containsExactlyInAnyOrder(
        new FileResult("trams.txt", Bucket.DELETED, List.of()),
        new FileResult("weather/floods.txt", Bucket.UNCHANGED, List.of()));
    assertThat(plan.stale()).containsExactlyInAnyOrder("bank.txt", "trams.txt");
    assertThat(plan.kept()).containsOnlyKeys("weather/floods.txt");
  }

  @Test
  void should_clean_an_unchanged_file_again_when_a_new_file_shares_its_paragraph() throws IOException {
    Path articles = ThreeArticles.write(tmp.resolve("articles"));
    Map<String, FileManifest> previous = carriedOut(planner.plan(articles, Map.of(), Set.of(), progress::add));
    Files.writeString(articles.resolve("copycat.txt"), "Another outlet on rates\n\n" + ThreeArticles.BANK.split("\n\n")[1]
        + "\n\nThe rest of this story is its own.\n");

    ReindexPlan plan = planner.plan(articles, previous, Set.of(), progress::add);

    assertThat(plan.rewrites()).extracting(Rewrite::path, Rewrite::recleaned)
        .containsExactly(tuple("copycat.txt", false),
            tuple("bank.txt", true));
    assertThat(plan.stale()).containsExactly("bank.txt");
  }
}

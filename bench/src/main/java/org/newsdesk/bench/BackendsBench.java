package org.newsdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsdesk.bench.backends.BackendComparison;
import org.newsdesk.bench.rtqa.RtqaQuestion;
import org.newsdesk.bot.Newsdesk;
import org.newsdesk.bot.UserFacingException;
import org.newsdesk.bot.cli.ConfigOptions;
import org.newsdesk.config.IndexConfig;
import org.newsdesk.config.NewsdeskConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newsdesk bench backends}: the Lucene and OpenSearch backends on one corpus and one question
 * set, searched with the configuration the product runs (words and meaning fused when dense
 * retrieval is on).
 */
@Command(name = "backends", mixinStandardHelpOptions = true,
    description = {"Indexes a folder into the embedded Lucene index and into the OpenSearch cluster of",
        "newsdesk.index.opensearch.url (alias newsdesk.index.opensearch.index, rebuilt from scratch), then compares",
        "R@1/5/10 on the questions, indexing wall time and throughput, query p50/p99 from 1 and 4 client threads,",
        "and prints the cluster's heap, resident memory and store per passage. Both are searched as the product",
        "searches: words and meaning fused while newsdesk.retrieval.dense is on (the model embeds each passage",
        "once; the cluster reuses the Lucene run's vectors), BM25 alone when it is off. Default corpus: rtqa-2024."})
public final class BackendsBench implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--shared", paramLabel = "DIR", description = "Folder holding eval/rtqa-2024 (default: ../shared).")
  Path shared = Path.of("../shared");

  @Option(names = "--work", paramLabel = "DIR", description = "Where the Lucene index goes (default: a temp folder).")
  Path work;

  @Option(names = "--skip-lucene", description = "Only the cluster (e.g. a second run on a two-node cluster).")
  boolean skipLucene;

  @Option(names = "--random-vectors", description = {"Give every passage a random 384-dimension vector in the cluster,",
      "and time nearest-neighbour queries: what vectors cost without running the model over the corpus",
      "(with --set newsdesk.retrieval.dense=false only)."})
  boolean randomVectors;

  @Option(names = "--questions", paramLabel = "N", description = "Only the first N questions (default: all).")
  int questionLimit = Integer.MAX_VALUE;

  @Option(names = "--threads", paramLabel = "N", description = "Indexing threads (default: 2).")
  int threads = 2;

  @Override
  public Integer call() throws Exception {
    NewsdeskConfig config = options.config();
    Path rtqa = shared.resolve("eval/rtqa-2024");
    Path articles = options.articlesGiven() ? config.articles() : rtqa.resolve("articles");
    Path questionsFile = rtqa.resolve("questions.jsonl");
    if (!Files.isDirectory(articles) || !Files.isRegularFile(questionsFile)) {
      throw new UserFacingException("no articles at " + articles + " or no questions at " + questionsFile
          + " (give --shared DIR)");
    }
    if (randomVectors && config.retrieval().hybrid().dense()) {
      throw new UserFacingException("--random-vectors gives passages random vectors instead of the model's;"
          + " add --set newsdesk.retrieval.dense=false");
    }
    if (questionLimit < 1) throw new UserFacingException("--questions must be 1 or more, got " + questionLimit);
    IndexConfig cluster = new IndexConfig(IndexConfig.Backend.OPENSEARCH, config.index().openSearch());
    List<RtqaQuestion> questions = RtqaQuestion.read(questionsFile);
    questions = questions.subList(0, Math.min(questionLimit, questions.size()));
    Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("newsdesk-backends");
    try (Newsdesk app = Newsdesk.of(config)) {
      new BackendComparison(config.ingest(), config.retrieval(), app.embeddingModel(), threads)
          .run(articles, questions, dir, cluster, !skipLucene, randomVectors, System.out);
    }
    return 0;
  }
}

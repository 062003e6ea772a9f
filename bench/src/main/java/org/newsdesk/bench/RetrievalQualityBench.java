package org.newsdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.newsdesk.bench.retrieval.SquadDataset;
import org.newsdesk.bench.retrieval.SquadRetrievalBenchmark;
import org.newsdesk.bench.rtqa.CountingEmbeddingModel;
import org.newsdesk.bot.Newsdesk;
import org.newsdesk.bot.UserFacingException;
import org.newsdesk.bot.cli.ConfigOptions;
import org.newsdesk.config.NewsdeskConfig;
import org.newsdesk.retrieval.embed.LazyEmbeddingModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newsdesk bench retrieval-quality}: Recall@k and MRR@10 on SQuAD 2.0 dev, with a tuning grid.
 * Beside the BM25 variants built directly on Lucene, the application as the commands assemble it
 * ({@link Newsdesk}) searches the paragraphs written as articles into the work folder; its index is
 * kept there, so a rerun embeds nothing.
 */
@Command(name = "retrieval-quality", mixinStandardHelpOptions = true,
    description = {"Recall@1/5/10 and MRR@10 of passage search on SQuAD 2.0 dev (each paragraph one article),",
        "for the configured settings, a plain-BM25 replica of the reference, the application's own search (words and",
        "meaning fused while newsdesk.retrieval.dense is on; its index is kept in the work folder), and a grid over k1,",
        "b and boosts."})
public final class RetrievalQualityBench implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--shared", paramLabel = "DIR", description = "Folder holding eval/squad2/dev-v2.0.json (default: ../shared).")
  Path shared = Path.of("../shared");

  @Option(names = "--work", paramLabel = "DIR",
      description = "Where the application's index of the paragraphs is kept between runs (default: bench-retrieval-quality in the data folder).")
  Path work;

  @Override
  public Integer call() throws IOException {
    NewsdeskConfig base = options.config();
    Path file = shared.resolve("eval/squad2/dev-v2.0.json");
    if (!Files.isRegularFile(file)) {
      throw new UserFacingException("no SQuAD file at " + file + " (give --shared DIR)");
    }
    SquadDataset squad = SquadDataset.read(file);
    Path dir = work != null ? work : base.data().resolve("bench-retrieval-quality");
    Path articles = Files.createDirectories(dir.resolve("articles"));
    squad.writeArticles(articles.resolve("squad.jsonl"));
    NewsdeskConfig config = options.config(Map.of("newsdesk.articles", articles.toString(),
        "newsdesk.data", dir.resolve("data").toString()));
    // The product's model, counted to show that a rerun embeds nothing. The application does not close the
    // counting wrapper (it is not closeable), so the model beneath it is closed here, after the application.
    LazyEmbeddingModel bge = LazyEmbeddingModel.bgeSmall();
    CountingEmbeddingModel counting = new CountingEmbeddingModel(bge);
    try (bge; Newsdesk app = Newsdesk.of(config, counting)) {
      app.indexed(true, System.err);
      System.out.printf("work folder %s: %d passages embedded for the application's index%n", dir, counting.texts());
      String name = "newsdesk, shipped defaults: " + app.embeddingModel()
          .map(m -> "words and meaning fused (" + m.modelName() + ")").orElse("words only (BM25, dense retrieval off)");
      new SquadRetrievalBenchmark(squad).run(config.retrieval(), config.ingest(), name, app.searcher(), System.out);
    }
    return 0;
  }
}

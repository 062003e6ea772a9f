package org.newsdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.newsdesk.bench.retrieval.SquadRetrievalBenchmark;
import org.newsdesk.bot.UserFacingException;
import org.newsdesk.bot.cli.ConfigOptions;
import org.newsdesk.config.NewsdeskConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsdesk bench retrieval-quality}: Recall@k and MRR@10 on SQuAD 2.0 dev, with a tuning grid. */
@Command(name = "retrieval-quality", mixinStandardHelpOptions = true,
    description = {"Recall@1/5/10 and MRR@10 of passage search on SQuAD 2.0 dev (each paragraph one article),",
        "for the configured settings, a plain-BM25 replica of the reference, and a grid over k1, b and boosts."})
public final class RetrievalQualityBench implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--shared", paramLabel = "DIR", description = "Folder holding eval/squad2/dev-v2.0.json (default: ../shared).")
  Path shared = Path.of("../shared");

  @Override
  public Integer call() throws IOException {
    NewsdeskConfig config = options.config();
    Path squad = shared.resolve("eval/squad2/dev-v2.0.json");
    if (!Files.isRegularFile(squad)) {
      throw new UserFacingException("no SQuAD file at " + squad + " (give --shared DIR)");
    }
    new SquadRetrievalBenchmark(squad).run(config.retrieval(), config.ingest(), System.out);
    return 0;
  }
}

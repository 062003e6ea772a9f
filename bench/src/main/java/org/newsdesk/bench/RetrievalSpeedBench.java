package org.newsdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.newsdesk.bench.retrieval.RetrievalSpeedBenchmark;
import org.newsdesk.bot.cli.ConfigOptions;
import org.newsdesk.config.NewsdeskConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsdesk bench retrieval-speed}: indexing throughput, no-change reindex, query latency, heap. */
@Command(name = "retrieval-speed", mixinStandardHelpOptions = true,
    description = {"Generates a corpus of news-like articles (default 50 MB), indexes it, reindexes it unchanged,",
        "and measures query latency (one thread), queries/s (two threads) and heap after opening the index.",
        "The corpus and its index are deleted afterwards."})
public final class RetrievalSpeedBench implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--shared", paramLabel = "DIR",
      description = "Folder holding eval/squad2/dev-v2.0.json, whose vocabulary the corpus uses (default: ../shared; "
          + "a small built-in word list when absent).")
  Path shared = Path.of("../shared");

  @Option(names = "--work", paramLabel = "DIR", description = "Where to write the corpus and index (default: a temp folder).")
  Path work;

  @Option(names = "--mb", paramLabel = "MB", description = "Megabytes of article text to generate (default: 50).")
  int megabytes = 50;

  @Option(names = "--questions", paramLabel = "N", description = "Generated questions (default: 3000).")
  int questions = 3000;

  @Override
  public Integer call() throws IOException, InterruptedException {
    NewsdeskConfig config = options.config();
    Path squad = shared.resolve("eval/squad2/dev-v2.0.json");
    Path dir = work != null ? Files.createDirectories(work).resolve("retrieval-speed")
        : Files.createTempDirectory("newsdesk-speed");
    new RetrievalSpeedBenchmark(config.ingest(), config.retrieval())
        .run(Files.isRegularFile(squad) ? Optional.of(squad) : Optional.empty(), dir, megabytes * 1_000_000L,
            questions, System.out);
    return 0;
  }
}

package org.newsdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.io.OutputStream;
import java.io.PrintStream;
import org.newsdesk.bot.Newsdesk;
import org.newsdesk.bot.UserFacingException;
import org.newsdesk.bot.cli.AnswerText;
import org.newsdesk.config.NewsdeskConfig;
import org.newsdesk.retrieval.answer.Answerer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Time per question of {@code ask} in batch mode (answer plus its JSON line), extractive mode,
 * over the seed articles, in one warmed-up JVM: JVM start and indexing are excluded.
 */
@Command(name = "answer-latency", mixinStandardHelpOptions = true,
    description = "Per-question latency of extractive answers over the seed articles (p50, p99).")
public final class AnswerLatencyBench implements Callable<Integer> {
  static final List<String> QUESTIONS = List.of(
      "Did Lukashenko congratulate Americans on Independence Day?",
      "Why won't Putin congratulate Biden on Independence Day?",
      "What did Peskov say about the blockade?",
      "What did he say about Kaliningrad?",
      "What did Putin write to Obama?",
      "Where is Biden going for the NATO summit?",
      "How many refugees has Poland taken in?",
      "Who is the US ambassador to Russia?",
      "Why did Russia recall its ambassador?",
      "What did Putin answer when Biden called him a killer?",
      "Which hack is Russia accused of?",
      "What is the capital of Australia?",
      "How can I donate to the newspaper?");

  @Option(names = "--shared", paramLabel = "DIR", description = "Folder holding seeds/ (default ../shared).")
  Path shared = Path.of("../shared");

  @Option(names = "--rounds", description = "Times each question is asked after warm-up (default 100).")
  int rounds = 100;

  @Override
  public Integer call() throws Exception {
    Path seeds = shared.resolve("seeds");
    if (!Files.isDirectory(seeds)) throw new UserFacingException("no seeds folder at " + seeds + "; pass --shared DIR");
    NewsdeskConfig config = NewsdeskConfig.load(Map.of(), Map.of("newsdesk.articles", seeds.toString(),
        "newsdesk.data", Files.createTempDirectory("newsdesk-latency").toString()));
    try (Newsdesk app = Newsdesk.of(config).indexed(true, new PrintStream(OutputStream.nullOutputStream()))) {
      Answerer answerer = app.answerer();
      int id = 0;
      for (int w = 0; w < 20; w++) for (String q : QUESTIONS) AnswerText.json(answerer.answer("warm-" + id++, q));
      List<Long> nanos = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        for (String q : QUESTIONS) {
          long t0 = System.nanoTime();
          AnswerText.json(answerer.answer("q-" + id++, q));
          nanos.add(System.nanoTime() - t0);
        }
      }
      long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
      System.out.printf(Locale.ROOT, "ask --json, extractive, %d seed questions x %d rounds (after warm-up)%n%n",
          QUESTIONS.size(), rounds);
      System.out.println("| answers | p50 ms | p90 ms | p99 ms | max ms | mean ms |");
      System.out.println("| --- | --- | --- | --- | --- | --- |");
      System.out.printf(Locale.ROOT, "| %d | %.2f | %.2f | %.2f | %.2f | %.2f |%n", sorted.length, ms(pct(sorted, 0.5)),
          ms(pct(sorted, 0.9)), ms(pct(sorted, 0.99)), ms(sorted[sorted.length - 1]),
          ms((long) Arrays.stream(sorted).average().orElse(0)));
    }
    return 0;
  }

  private static long pct(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}

package org.newsdesk.bench;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.newsdesk.bench.review.ReviewBench;
import org.newsdesk.bench.review.SyntheticLog;
import org.newsdesk.bot.cli.ConfigOptions;
import org.newsdesk.bot.log.LogDatabase;
import org.newsdesk.config.NewsdeskConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newsdesk bench review}: fills an empty answer log (use a scratch {@code --data} folder or
 * a scratch PostgreSQL database) with invented answers, then times the review queue per filter.
 */
@Command(name = "review", mixinStandardHelpOptions = true,
    description = "Time the review queue per filter on a large invented answer log (first page, deep page, export).")
public final class ReviewBenchCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--answers", description = "Answers to generate when the log is empty (default: ${DEFAULT-VALUE}).")
  long answers = 1_000_000;

  @Option(names = "--repeats", description = "Timed runs per query; the median is printed (default: ${DEFAULT-VALUE}).")
  int repeats = 7;

  @Option(names = "--page", description = "Page size (default: ${DEFAULT-VALUE}).")
  int page = 50;

  @Override
  public Integer call() {
    NewsdeskConfig config = options.config();
    LogDatabase db = new LogDatabase(config.log()).migrate();
    SyntheticLog log = new SyntheticLog(db);
    long existing = log.count();
    if (existing == 0) {
      long t = System.nanoTime();
      log.generate(answers, 42);
      System.out.printf(Locale.ROOT, "generated %,d answers in %.1f s%n", answers, (System.nanoTime() - t) / 1e9);
    } else {
      System.out.printf(Locale.ROOT, "using the %,d answers already in %s%n", existing, db.safeUrl());
    }
    ReviewBench bench = new ReviewBench(db, repeats);
    List<ReviewBench.Row> rows = bench.run(page);
    System.out.printf(Locale.ROOT, "%n%s, %,d answers, page of %d, query on an open connection, median of %d runs%n%n",
        db.isPostgres() ? "PostgreSQL" : "SQLite", log.count(), page, repeats);
    System.out.println("| filter | matches | first page ms | deep page ms |");
    System.out.println("| --- | ---: | ---: | ---: |");
    for (ReviewBench.Row r : rows) {
      System.out.printf(Locale.ROOT, "| %s | %,d | %.1f | %.1f |%n", r.filter(), r.matches(), r.firstPageMs(), r.deepPageMs());
    }
    System.out.printf(Locale.ROOT, "%nOpening a connection (paid once per page request): %.1f ms%n", bench.connectMs());
    System.out.printf(Locale.ROOT, "CSV export of all answers: %.1f s%n", bench.exportAllMs() / 1000);
    return 0;
  }
}

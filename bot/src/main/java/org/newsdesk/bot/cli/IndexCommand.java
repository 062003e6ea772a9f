package org.newsdesk.bot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.newsdesk.bot.Newsdesk;
import org.newsdesk.bot.UserFacingException;
import org.newsdesk.config.NewsdeskConfig;
import org.newsdesk.retrieval.index.ArticleIndexer;
import org.newsdesk.retrieval.index.ReindexBusyException;
import org.newsdesk.retrieval.index.ReindexReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newsdesk index}: incremental reindex of the articles folder, with a report of every file. */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = {"Reindex the articles folder incrementally: new, changed and deleted files are applied,",
        "unchanged ones skipped. Prints the counts, then one line per file (indexed, unchanged, deleted,",
        "rejected with the reason). Rejected files do not fail the command."})
public final class IndexCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    NewsdeskConfig config = options.config();
    Path articles = config.articles();
    if (!Files.isDirectory(articles)) {
      throw new UserFacingException("no articles folder at " + articles + " (give --articles DIR)");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ReindexReport report;
    long[] lastShown = {System.nanoTime()};
    try (Newsdesk app = Newsdesk.of(config)) {
      ArticleIndexer indexer = app.indexer();
      report = indexer.reindex(articles, line -> {
        synchronized (lastShown) { // progress at most once a second, so small runs stay quiet
          long now = System.nanoTime();
          if (now - lastShown[0] < 1_000_000_000L) return;
          lastShown[0] = now;
          err.println("newsdesk index: " + line);
          err.flush();
        }
      });
    } catch (ReindexBusyException e) {
      throw new UserFacingException(e.getMessage(), e);
    }
    out.print(report.format());
    out.flush();
    return 0;
  }
}

package org.newsdesk.bot.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import org.newsdesk.bot.Newsdesk;
import org.newsdesk.bot.UserFacingException;
import org.newsdesk.config.ConfigException;
import org.newsdesk.config.NewsdeskConfig;
import org.newsdesk.retrieval.index.ReindexBusyException;
import org.newsdesk.retrieval.index.ReindexProgress;
import org.newsdesk.retrieval.index.ReindexReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code newsdesk index}: incremental reindex of the articles folder, with a report of every file.
 * On a terminal a progress bar shows how far it is; in a pipe or a log nothing but the report and
 * errors is written.
 */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = {"Reindex the articles folder incrementally.",
        "New, changed and deleted files are applied, unchanged ones skipped. Prints the counts, then one line per"
            + " file (indexed, unchanged, deleted, rejected with the reason). Rejected files do not fail the command."
            + " On a terminal, a progress bar shows articles, files, passages embedded and the time left."})
public final class IndexCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  BooleanSupplier stderrIsTerminal = TerminalStreams::stderr;
  PrintStream terminal = System.err;
  int terminalWidth = -1;

  @Override
  public Integer call() throws IOException {
    NewsdeskConfig config = options.config();
    Path articles = config.articles();
    if (!Files.isDirectory(articles)) {
      throw new ConfigException("no articles folder at " + articles + " (give --articles DIR)");
    }
    PrintWriter out = spec.commandLine().getOut();
    ReindexReport report;
    try (Newsdesk app = Newsdesk.of(config);
         IndexProgressBar bar = stderrIsTerminal.getAsBoolean() ? new IndexProgressBar(terminal, terminalWidth) : null) {
      report = app.reindex(articles, bar == null ? ReindexProgress.NONE : bar, terminal);
    } catch (ReindexBusyException e) {
      throw new UserFacingException(e.getMessage(), e);
    }
    out.print(report.format());
    out.flush();
    return 0;
  }
}

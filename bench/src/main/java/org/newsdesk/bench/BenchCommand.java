package org.newsdesk.bench;

import org.newsdesk.bot.Main;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code newsdesk bench}: the benchmarks' own entry point, in their own jar beside the product's
 * (the launcher runs it for {@code ./newsdesk bench …}). Each subcommand prints a table; figures
 * go to docs/BENCHMARKS.md, they are not tests.
 */
@Command(name = "newsdesk bench", mixinStandardHelpOptions = true, version = "newsdesk bench 0.1.0",
    description = "Run a benchmark and print its table.",
    subcommands = {RetrievalQualityBench.class, RetrievalSpeedBench.class, AnswerQualityBench.class,
        AnswerLatencyBench.class, BenchBotCommand.class, ReviewBenchCommand.class, BackendsBench.class, RtqaBench.class})
public final class BenchCommand implements Runnable {
  /**
   * Lucene reports through java.util.logging that the incubating vector API is not enabled; that
   * is a speed hint, not a problem for a reader. Held in a field so the level is not collected.
   */
  private static final java.util.logging.Logger LUCENE_VECTOR_HINT =
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing benchmark name");
  }

  public static void main(String[] args) {
    LUCENE_VECTOR_HINT.setLevel(java.util.logging.Level.SEVERE);
    System.exit(commandLine().execute(args));
  }

  /** The benchmarks' command line; a failure prints one line, as the product's commands do. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new BenchCommand());
    cl.setExecutionExceptionHandler(Main.commandLine().getExecutionExceptionHandler());
    return cl;
  }
}

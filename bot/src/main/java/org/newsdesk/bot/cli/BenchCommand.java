package org.newsdesk.bot.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Benchmarks: each subcommand prints a table (figures go to docs/BENCHMARKS.md; they are not tests). */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Run a benchmark and print its table.",
    subcommands = {RetrievalQualityBench.class, RetrievalSpeedBench.class, AnswerQualityBench.class,
        AnswerLatencyBench.class, BenchBotCommand.class, ReviewBenchCommand.class})
public final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing benchmark name");
  }
}

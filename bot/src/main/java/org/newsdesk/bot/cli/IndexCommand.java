package org.newsdesk.bot.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Placeholder until the index command lands. */
@Command(name = "index", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class IndexCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Override
  public Integer call() {
    System.err.println("newsdesk index: not available yet");
    return 1;
  }
}

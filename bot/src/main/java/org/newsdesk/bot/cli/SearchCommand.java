package org.newsdesk.bot.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Placeholder until the search command lands. */
@Command(name = "search", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class SearchCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Override
  public Integer call() {
    System.err.println("newsdesk search: not available yet");
    return 1;
  }
}

package org.newsdesk.bot.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Placeholder until the ask command lands. */
@Command(name = "ask", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class AskCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Override
  public Integer call() {
    System.err.println("newsdesk ask: not available yet");
    return 1;
  }
}

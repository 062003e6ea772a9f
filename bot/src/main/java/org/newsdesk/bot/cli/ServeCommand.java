package org.newsdesk.bot.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Placeholder until the serve command lands. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class ServeCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Override
  public Integer call() {
    System.err.println("newsdesk serve: not available yet");
    return 1;
  }
}

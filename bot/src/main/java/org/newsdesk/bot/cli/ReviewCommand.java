package org.newsdesk.bot.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Placeholder until the review command lands. */
@Command(name = "review", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class ReviewCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Override
  public Integer call() {
    System.err.println("newsdesk review: not available yet");
    return 1;
  }
}

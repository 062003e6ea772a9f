package org.newsdesk.bot.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Placeholder until the chat command lands. */
@Command(name = "chat", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class ChatCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Override
  public Integer call() {
    System.err.println("newsdesk chat: not available yet");
    return 1;
  }
}

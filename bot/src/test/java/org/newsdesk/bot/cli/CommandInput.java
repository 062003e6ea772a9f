package org.newsdesk.bot.cli;

import java.io.InputStream;
import picocli.CommandLine;

/** Gives the commands that read standard input ({@code search}, {@code ask}, {@code chat}) another stream, for tests. */
public final class CommandInput {
  private CommandInput() {}

  public static void set(CommandLine newsdesk, InputStream in) {
    ((SearchCommand) newsdesk.getSubcommands().get("search").getCommand()).in = in;
    ((AskCommand) newsdesk.getSubcommands().get("ask").getCommand()).in = in;
    ((ChatCommand) newsdesk.getSubcommands().get("chat").getCommand()).in = in;
  }
}

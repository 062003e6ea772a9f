package org.newsdesk.bot;

import java.io.PrintWriter;
import org.newsdesk.bot.cli.AskCommand;
import org.newsdesk.bot.cli.ChatCommand;
import org.newsdesk.bot.cli.IndexCommand;
import org.newsdesk.bot.cli.ReviewCommand;
import org.newsdesk.bot.cli.SearchCommand;
import org.newsdesk.bot.cli.ServeCommand;
import org.newsdesk.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code newsdesk} command: exit 0 ok, 1 failure, 2 usage. */
@Command(name = "newsdesk", mixinStandardHelpOptions = true, version = "newsdesk 0.1.0",
    description = "Answers questions about a collection of news articles, citing and quoting them.",
    subcommands = {IndexCommand.class, SearchCommand.class, AskCommand.class, ChatCommand.class,
        ServeCommand.class, ReviewCommand.class, CommandLine.HelpCommand.class},
    footer = {"", "Benchmarks: ./newsdesk bench --help lists them."})
public final class Main implements Runnable {
  /**
   * Lucene reports through java.util.logging that the incubating vector API is not enabled; that
   * is a speed hint, not a problem for a reader. Held in a field so the level is not collected.
   */
  private static final java.util.logging.Logger LUCENE_VECTOR_HINT =
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
  }

  public static void main(String[] args) {
    LUCENE_VECTOR_HINT.setLevel(java.util.logging.Level.SEVERE);
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (for tests: no System.exit). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The configured picocli command line: bad settings and failures print one clear line. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      if (e instanceof ConfigException || e instanceof UserFacingException) {
        err.println("newsdesk: " + MaskingConverter.mask(e.getMessage()));
        return e instanceof ConfigException ? 2 : 1;
      }
      err.println("newsdesk: failed: " + MaskingConverter.mask(String.valueOf(e)));
      org.slf4j.LoggerFactory.getLogger(Main.class).atError().setCause(e).log("command failed");
      return 1;
    });
    return cl;
  }
}

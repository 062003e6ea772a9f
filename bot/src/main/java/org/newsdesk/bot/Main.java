package org.newsdesk.bot;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.newsdesk.bot.cli.AskCommand;
import org.newsdesk.bot.cli.ChatCommand;
import org.newsdesk.bot.cli.IndexCommand;
import org.newsdesk.bot.cli.ReviewCommand;
import org.newsdesk.bot.cli.SearchCommand;
import org.newsdesk.bot.cli.ServeCommand;
import org.newsdesk.bot.logging.CauseSummary;
import org.newsdesk.bot.logging.LogFile;
import org.newsdesk.bot.logging.SecretMask;
import org.newsdesk.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code newsdesk} command. Exit codes: 0 done; 1 the work failed (a server that cannot be
 * reached, an index another run holds or that must be rebuilt, anything unforeseen); 2 the command
 * line or the settings are wrong (an unknown command or option, a bad argument, a setting with a
 * bad value or none where one is needed, a path that names nothing usable).
 */
@Command(name = "newsdesk", mixinStandardHelpOptions = true, version = "newsdesk 0.1.0",
    description = "Answers questions about a collection of news articles, citing and quoting them.",
    subcommands = {IndexCommand.class, SearchCommand.class, AskCommand.class, ChatCommand.class,
        ServeCommand.class, ReviewCommand.class, CommandLine.HelpCommand.class},
    footer = {"", "Benchmarks: ./newsdesk bench --help lists them."})
public final class Main implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(Main.class);

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
    Thread.setDefaultUncaughtExceptionHandler(Main::uncaught);
    System.exit(run(args));
  }

  /**
   * The JVM's last resort for a throwable no code caught, on any thread: logged, so masked and one
   * line on the terminal, where the JVM would print its trace raw to stderr, secrets and all.
   */
  static void uncaught(Thread thread, Throwable e) {
    log.atError().setCause(e).addKeyValue("thread", thread.getName()).log("uncaught failure");
  }

  /** Runs the command line and returns its exit code (for tests: no System.exit). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /**
   * The configured picocli command line. A failure prints one line, masked: a bad setting (exit 2)
   * or a {@link UserFacingException} (exit 1) as written; anything else as its message and root
   * cause, naming the log file, where its stack trace goes at DEBUG (exit 1). A usage error exits 2.
   * A failed run that logged nothing takes back the log folder it made ({@link LogFile#discardUnused}).
   */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    // Answers, reports and JSON are UTF-8 whatever the locale: headlines and quotes are rarely ASCII.
    cl.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      int code = report(e, commandLine.getErr());
      LogFile.discardUnused();
      return code;
    });
    CommandLine.IParameterExceptionHandler usage = cl.getParameterExceptionHandler();
    cl.setParameterExceptionHandler((e, args) -> {
      int code = usage.handleParseException(e, args);
      LogFile.discardUnused();
      return code;
    });
    return cl;
  }

  private static int report(Exception e, PrintWriter err) {
    if (e instanceof ConfigException) {
      err.println("newsdesk: " + SecretMask.mask(e.getMessage()));
      return 2;
    }
    if (e instanceof UserFacingException) {
      err.println("newsdesk: " + SecretMask.mask(e.getMessage()));
      if (e.getCause() != null) log.atDebug().setCause(e).log("command stopped");
      return 1;
    }
    log.atDebug().setCause(e).log("command failed");
    err.println("newsdesk: " + CauseSummary.of(e)
        + LogFile.current().map(file -> " (details in " + file + ")").orElse(""));
    return 1;
  }
}

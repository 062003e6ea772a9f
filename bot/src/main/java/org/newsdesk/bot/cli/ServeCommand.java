package org.newsdesk.bot.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.newsdesk.bot.Newsdesk;
import org.newsdesk.bot.UserFacingException;
import org.newsdesk.bot.logging.LogFile;
import org.newsdesk.bot.telegram.Library;
import org.newsdesk.bot.telegram.TelegramBot;
import org.newsdesk.bot.telegram.TelegramGateway;
import org.newsdesk.config.ConfigException;
import org.newsdesk.config.LogLevel;
import org.newsdesk.config.NewsdeskConfig;
import org.newsdesk.config.TelegramConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code newsdesk serve}: the Telegram bot, long polling until SIGTERM or Ctrl-C. Checks the
 * token first (missing or refused: one line, exit 2, the token never printed), indexes
 * {@code --articles} incrementally when given, then polls, and says so in one status line.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Run the Telegram bot (long polling).",
        "The token comes only from TELEGRAM_BOT_TOKEN; TELEGRAM_API_URL selects another Bot API server."})
public final class ServeCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Override
  public Integer call() throws Exception {
    NewsdeskConfig config = options.config();
    TelegramConfig telegram = config.telegram();
    if (telegram.token().isEmpty()) {
      throw new ConfigException(TelegramConfig.TOKEN_ENV + " is not set: create a bot with @BotFather and "
          + "export its token, e.g. export " + TelegramConfig.TOKEN_ENV + "=...");
    }
    Newsdesk app = Newsdesk.of(config);
    TelegramBot bot;
    try {
      TelegramBot.Connection connection = connect(telegram);
      try {
        app.indexed(options.articlesGiven(), System.err);
        bot = TelegramBot.start(connection, app.answerLog(), app.answerer(), app.library());
      } catch (RuntimeException e) {
        connection.close();
        throw e;
      }
    } catch (RuntimeException e) {
      app.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      bot.close();
      app.close();
      stopped.countDown();
    }, "newsdesk-shutdown"));
    System.err.println(statusLine(bot.username(), app.library().sources(), options.logLevel(), LogFile.current()));
    stopped.await();
    return 0;
  }

  /**
   * What the maintainer sees once the bot answers: who it answers as, over how many articles of
   * which dates, what the terminal shows of the log and where the rest of it goes.
   */
  static String statusLine(String username, Library.SourcesInfo sources, LogLevel level, Optional<Path> logFile) {
    int n = sources.articles();
    String dates = sources.earliest().isEmpty() || sources.latest().isEmpty() ? "undated"
        : sources.earliest().get().equals(sources.latest().get()) ? sources.earliest().get().toString()
        : sources.earliest().get() + " to " + sources.latest().get();
    return "newsdesk: @" + username + " is answering questions about " + n + (n == 1 ? " article" : " articles")
        + " (" + dates + "); log level " + level + ", " + logFile.map(f -> "log file " + f).orElse("no log file")
        + "; Ctrl-C stops it";
  }

  /** The token is checked once, before anything is indexed: a refusal stops startup with one line. */
  private static TelegramBot.Connection connect(TelegramConfig telegram) {
    try {
      return TelegramBot.connect(telegram, TelegramBot.Timing.defaults());
    } catch (TelegramBot.TokenRejected e) {
      throw new ConfigException(e.getMessage());
    } catch (TelegramGateway.Rejected e) {
      throw new UserFacingException("the Bot API server at " + telegram.apiUrl() + " refused getMe: " + e.getMessage());
    } catch (TelegramGateway.Unavailable e) {
      throw new UserFacingException("cannot reach the Bot API server at " + telegram.apiUrl()
          + " (set TELEGRAM_API_URL to use another one)", e);
    }
  }
}

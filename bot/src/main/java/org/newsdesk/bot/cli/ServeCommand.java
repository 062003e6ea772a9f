package org.newsdesk.bot.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.newsdesk.bot.Newsdesk;
import org.newsdesk.bot.UserFacingException;
import org.newsdesk.bot.telegram.TelegramBot;
import org.newsdesk.bot.telegram.TelegramGateway;
import org.newsdesk.config.NewsdeskConfig;
import org.newsdesk.config.TelegramConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code newsdesk serve}: the Telegram bot, long polling until SIGTERM or Ctrl-C. Checks the
 * token first (missing or refused: one line, exit 1, the token never printed), indexes
 * {@code --articles} incrementally when given, then polls.
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
      throw new UserFacingException(TelegramConfig.TOKEN_ENV + " is not set: create a bot with @BotFather and "
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
    System.err.println("newsdesk: @" + bot.username() + " is answering questions; Ctrl-C stops it");
    stopped.await();
    return 0;
  }

  /** The token is checked once, before anything is indexed: a refusal stops startup with one line. */
  private static TelegramBot.Connection connect(TelegramConfig telegram) {
    try {
      return TelegramBot.connect(telegram, TelegramBot.Timing.defaults());
    } catch (TelegramBot.TokenRejected e) {
      throw new UserFacingException(e.getMessage());
    } catch (TelegramGateway.Rejected e) {
      throw new UserFacingException("the Bot API server at " + telegram.apiUrl() + " refused getMe: " + e.getMessage());
    } catch (TelegramGateway.Unavailable e) {
      throw new UserFacingException("cannot reach the Bot API server at " + telegram.apiUrl()
          + " (set TELEGRAM_API_URL to use another one)", e);
    }
  }
}

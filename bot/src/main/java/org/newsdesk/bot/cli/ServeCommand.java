package org.newsdesk.bot.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.newsdesk.bot.UserFacingException;
import org.newsdesk.bot.log.AnswerLog;
import org.newsdesk.bot.log.LogDatabase;
import org.newsdesk.bot.telegram.IndexedLibrary;
import org.newsdesk.bot.telegram.Library;
import org.newsdesk.bot.telegram.TelegramBot;
import org.newsdesk.bot.telegram.TelegramGateway;
import org.newsdesk.config.NewsdeskConfig;
import org.newsdesk.config.TelegramConfig;
import org.newsdesk.retrieval.index.ArticleIndexer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code newsdesk serve}: the Telegram bot, long polling until SIGTERM or Ctrl-C. Checks the
 * token first (missing or refused: one line, exit 1, the token never printed), indexes
 * {@code --articles} incrementally when given, then polls.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Run the Telegram bot (long polling). The token comes only from TELEGRAM_BOT_TOKEN;",
        "TELEGRAM_API_URL selects another Bot API server."})
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
    checkToken(telegram);

    AnswerPipeline pipeline = AnswerPipeline.open(config, options.articlesGiven(), System.err);
    Library library = new IndexedLibrary(new ArticleIndexer(ArticleIndexer.indexDirectory(config.data()),
        config.ingest()), pipeline.searcher(), config.articles());
    LogDatabase database = new LogDatabase(config.log()).migrate();
    AnswerLog answerLog = new AnswerLog(database, instanceName());
    TelegramBot bot;
    try {
      bot = TelegramBot.start(telegram, TelegramBot.Timing.defaults(), answerLog, pipeline.answerer(), library);
    } catch (TelegramBot.TokenRejected e) {
      answerLog.close();
      pipeline.close();
      throw new UserFacingException(e.getMessage());
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      bot.close();
      answerLog.close();
      pipeline.close();
      stopped.countDown();
    }, "newsdesk-shutdown"));
    System.err.println("newsdesk: @" + bot.username() + " is answering questions; Ctrl-C stops it");
    stopped.await();
    return 0;
  }

  /** A refused token stops startup with one line, before anything is indexed. */
  private static void checkToken(TelegramConfig telegram) {
    try (TelegramGateway gateway = new TelegramGateway(telegram.token().orElseThrow().value(), telegram.apiUrl(),
        TelegramGateway.Retry.defaults())) {
      gateway.getMe();
    } catch (TelegramGateway.Rejected e) {
      if (e.code() == 401 || e.code() == 404) {
        throw new UserFacingException("the Bot API server at " + telegram.apiUrl()
            + " rejected the token (401 Unauthorized); check " + TelegramConfig.TOKEN_ENV);
      }
      throw new UserFacingException("the Bot API server at " + telegram.apiUrl() + " refused getMe: " + e.getMessage());
    } catch (TelegramGateway.Unavailable e) {
      throw new UserFacingException("cannot reach the Bot API server at " + telegram.apiUrl()
          + " (set TELEGRAM_API_URL to use another one)", e);
    }
  }

  /** Names this process in the answer log's claims, so two instances never answer one question. */
  private static String instanceName() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      host = "host";
    }
    return host + "-" + ProcessHandle.current().pid();
  }
}

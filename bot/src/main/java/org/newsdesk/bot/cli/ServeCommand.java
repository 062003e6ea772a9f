package org.newsdesk.bot.cli;

import java.nio.file.Path;
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
import org.newsdesk.retrieval.answer.Answerer;
import org.newsdesk.retrieval.answer.DefaultAnswerer;
import org.newsdesk.retrieval.index.ArticleIndexer;
import org.newsdesk.retrieval.search.LucenePassageSearcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
  private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

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

    Library library = openLibrary(config);
    if (options.articlesGiven()) {
      System.err.println(library.reindex());
    }
    Answerer answerer = openAnswerer(config);
    LogDatabase database = new LogDatabase(config.log()).migrate();
    AnswerLog answerLog = new AnswerLog(database, instanceName());
    TelegramBot bot;
    try {
      bot = TelegramBot.start(telegram, TelegramBot.Timing.defaults(), answerLog, answerer, library);
    } catch (TelegramBot.TokenRejected e) {
      answerLog.close();
      throw new UserFacingException(e.getMessage());
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      bot.close();
      answerLog.close();
      closeQuietly(answerer);
      closeQuietly(library);
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

  /** The article index the bot answers from, as a {@link Library} (reindex and what it holds). */
  private LucenePassageSearcher searcher;

  private Library openLibrary(NewsdeskConfig config) throws java.io.IOException {
    Path indexDir = ArticleIndexer.indexDirectory(config.data());
    searcher = new LucenePassageSearcher(indexDir, config.retrieval());
    return new IndexedLibrary(new ArticleIndexer(indexDir, config.ingest()), searcher, config.articles());
  }

  /** The answerer of the configured mode over the index's searcher. */
  private Answerer openAnswerer(NewsdeskConfig config) {
    return DefaultAnswerer.create(searcher, config.retrieval().topK(), config.answer(), config.llm());
  }

  private static String instanceName() {
    String host = System.getenv().getOrDefault("HOSTNAME", "host");
    return host + "-" + ProcessHandle.current().pid();
  }

  private static void closeQuietly(Object o) {
    if (o instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        log.atWarn().setCause(e).log("close failed at shutdown");
      }
    }
  }
}

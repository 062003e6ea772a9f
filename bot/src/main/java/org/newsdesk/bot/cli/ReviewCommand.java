package org.newsdesk.bot.cli;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.newsdesk.bot.Newsdesk;
import org.newsdesk.bot.UserFacingException;
import org.newsdesk.bot.log.LogDatabase;
import org.newsdesk.bot.review.QuestionGrouping;
import org.newsdesk.bot.review.ReviewServer;
import org.newsdesk.config.ConfigException;
import org.newsdesk.config.NewsdeskConfig;
import org.newsdesk.config.ReviewConfig;
import org.newsdesk.config.Secret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsdesk review}: the moderators' review page over the answer log. */
@Command(name = "review", mixinStandardHelpOptions = true,
    description = "Serve the moderators' review page over the answer log (password from NEWSDESK_REVIEW_PASSWORD).")
public final class ReviewCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--port", paramLabel = "P", description = "Port to listen on (default: newsdesk.review.port, 8080).")
  Integer port;

  @Option(names = "--host", paramLabel = "H", description = "Address to listen on (default: newsdesk.review.host, 127.0.0.1).")
  String host;

  @Option(names = "--insecure-http", description = "Serve plain HTTP on an address other than loopback, without a keystore.")
  boolean insecureHttp;

  @Override
  public Integer call() throws InterruptedException {
    Map<String, String> flags = new LinkedHashMap<>();
    if (port != null) flags.put("newsdesk.review.port", port.toString());
    if (host != null) flags.put("newsdesk.review.host", host);
    if (insecureHttp) flags.put("newsdesk.review.insecure-http", "true");
    NewsdeskConfig config = options.config(flags);
    ReviewConfig review = config.review();
    Newsdesk app = Newsdesk.of(config);
    LogDatabase db;
    try {
      db = app.existingLogDatabase();
    } catch (LogDatabase.Missing e) {
      throw new ConfigException("no answer log at " + e.file().toAbsolutePath() + ": check --data (the folder"
          + " newsdesk serve writes to) or newsdesk.log.jdbc-url");
    }
    Secret password = review.password().orElseThrow(() -> new ConfigException(
        "set " + ReviewConfig.PASSWORD_ENV + " to the moderators' password before starting the review page"));
    // Only the model's name: the page groups by the vectors the bot stored, and never loads the model.
    QuestionGrouping grouping = app.embeddingModel().map(m -> QuestionGrouping.byMeaning(m.modelName()))
        .orElse(QuestionGrouping.byWords());
    ReviewServer server;
    try {
      server = new ReviewServer(db, review, password, Clock.systemUTC(), grouping).start(review.host(), review.port());
    } catch (ConfigException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new UserFacingException("cannot listen on " + review.host() + ":" + review.port()
          + " (" + e.getMessage() + "); pick another --port", e);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "review-shutdown"));
    server.plainHttpNotice().ifPresent(notice -> System.err.println("newsdesk: " + notice));
    System.out.println("Review page on " + server.url() + " over " + db.safeUrl() + " (Ctrl-C stops it)");
    stopped.await();
    return 0;
  }
}

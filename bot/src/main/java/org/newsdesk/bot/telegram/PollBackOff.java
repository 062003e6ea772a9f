package org.newsdesk.bot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.BackOff;

/**
 * The wait after a failed {@code getUpdates}: doubling with jitter up to a cap, and never giving
 * up, so the poller recovers from any number of failures (the library's default stops after
 * fifteen minutes, which would end polling for good). Each wait is logged as one line with the
 * reason the poll failed, and the recovery as one more; the library's own report, a stack trace
 * per retry, is switched off in logback.xml. The reason is seen here too, as an interceptor on
 * the polling client, since the library hands the back-off nothing but the request to wait.
 */
final class PollBackOff implements BackOff, Interceptor {
  private static final Logger log = LoggerFactory.getLogger(PollBackOff.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final long initialMillis;
  private final long maxMillis;
  private long current;
  private int failures;
  private volatile String lastFailure = "unknown";
  private volatile boolean stopped;

  PollBackOff(Duration initial, Duration max) {
    this.initialMillis = Math.max(1, initial.toMillis());
    this.maxMillis = Math.max(initialMillis, max.toMillis());
    this.current = initialMillis;
  }

  @Override
  public synchronized void reset() {
    if (failures > 0 && !stopped) log.atInfo().addKeyValue("failures", failures).log("telegram polling recovered");
    failures = 0;
    current = initialMillis;
  }

  @Override
  public synchronized long nextBackOffMillis() {
    long wait = current / 2 + ThreadLocalRandom.current().nextLong(current / 2 + 1);
    current = Math.min(maxMillis, current * 2);
    failures++;
    if (!stopped) {
      log.atWarn().addKeyValue("failures", failures).addKeyValue("waitMs", wait).addKeyValue("reason", lastFailure)
          .log("telegram polling failed, retrying");
    }
    return wait;
  }

  /** From now on polls fail because the bot is stopping them: nothing to report. */
  void stop() {
    stopped = true;
  }

  /** Notes why a poll failed: Telegram's description, the HTTP status, or the network error. */
  @Override
  public Response intercept(Chain chain) throws IOException {
    try {
      Response response = chain.proceed(chain.request());
      if (!response.isSuccessful()) lastFailure = "HTTP " + response.code() + " " + description(response);
      return response;
    } catch (IOException e) {
      lastFailure = e.toString();
      throw e;
    }
  }

  /** Telegram explains a refusal in JSON ({@code "Conflict: terminated by other getUpdates request"}); a proxy in HTML. */
  private static String description(Response response) {
    try {
      JsonNode body = JSON.readTree(response.peekBody(4096).string());
      if (body != null && body.hasNonNull("description")) return body.get("description").asText();
    } catch (IOException e) {
      // not JSON: an error page from a proxy or load balancer, whose status line says enough
    }
    return response.message();
  }
}

package org.newsdesk.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** The Telegram bot: which Bot API server, the token, who moderates, reader limits. */
public record TelegramConfig(URI apiUrl, Optional<Secret> token, Set<Long> moderators, Set<Long> maintainers,
                             int maxQuestionChars, int questionsPerMinute, Duration shutdownGrace) {
  public static final String TOKEN_ENV = SecretVariable.TELEGRAM_BOT_TOKEN.name();
  public static final String API_URL_ENV = "TELEGRAM_API_URL";

  public TelegramConfig {
    moderators = Set.copyOf(moderators);
    maintainers = Set.copyOf(maintainers);
  }

  public static TelegramConfig from(Settings s) {
    URI api = s.environment(API_URL_ENV)
        .map(v -> Settings.parseUri(API_URL_ENV, v))
        .orElseGet(() -> s.uri("newsdesk.telegram.api-url"));
    return new TelegramConfig(
        api,
        s.secret(SecretVariable.TELEGRAM_BOT_TOKEN),
        s.ids("newsdesk.telegram.moderators"),
        s.ids("newsdesk.telegram.maintainers"),
        s.integer("newsdesk.telegram.max-question-chars", 10, 4000),
        s.integer("newsdesk.telegram.questions-per-minute", 1, 1000),
        Duration.ofSeconds(s.integer("newsdesk.telegram.shutdown-grace-seconds", 1, 600)));
  }
}

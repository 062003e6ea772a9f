package org.newsdesk.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** A language model server for the openai and ollama answer modes. */
public record LlmConfig(URI baseUrl, String model, Duration timeout, double temperature, Optional<Secret> apiKey) {
  public static final String API_KEY_ENV = SecretVariable.NEWSDESK_LLM_API_KEY.name();

  public static LlmConfig from(Settings s) {
    return new LlmConfig(
        s.uri("newsdesk.llm.base-url"),
        s.string("newsdesk.llm.model"),
        Duration.ofSeconds(s.integer("newsdesk.llm.timeout-seconds", 1, 600)),
        s.decimal("newsdesk.llm.temperature", 0.0, 2.0),
        s.secret(SecretVariable.NEWSDESK_LLM_API_KEY));
  }
}

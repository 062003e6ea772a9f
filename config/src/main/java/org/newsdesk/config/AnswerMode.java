package org.newsdesk.config;

import java.util.Locale;

/** How answers are composed. */
public enum AnswerMode {
  /** Best supporting sentences of the retrieved passages; no model. */
  EXTRACTIVE,
  /** Any OpenAI-compatible chat completions server. */
  OPENAI,
  /** Ollama's native API. */
  OLLAMA;

  /** The name used in configuration and in logs. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}

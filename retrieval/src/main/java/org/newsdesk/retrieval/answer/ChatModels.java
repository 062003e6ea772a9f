package org.newsdesk.retrieval.answer;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.Optional;
import org.newsdesk.config.AnswerMode;
import org.newsdesk.config.LlmConfig;
import org.newsdesk.config.Secret;

/** Builds the LangChain4j chat model for an answer mode; none for extractive. */
public final class ChatModels {
  /**
   * The context window asked of Ollama: the question, the instructions and five passages of up to 500
   * words each fit in it. Ollama's own default (2,048 or 4,096 tokens, by version) would drop the start
   * of such a prompt, the instructions included, without a word.
   */
  static final int OLLAMA_CONTEXT_TOKENS = 8_192;

  /** Sent when no key is configured: local servers (Ollama, llama.cpp, vLLM) accept any. */
  static final String PLACEHOLDER_KEY = "no-key";

  private ChatModels() {}

  public static Optional<ChatModel> forMode(AnswerMode mode, LlmConfig llm) {
    return switch (mode) {
      case EXTRACTIVE -> Optional.empty();
      case OPENAI -> Optional.of(OpenAiChatModel.builder()
          .baseUrl(llm.baseUrl().toString())
          .apiKey(llm.apiKey().map(Secret::value).orElse(PLACEHOLDER_KEY))
          .modelName(llm.model())
          .temperature(llm.temperature())
          .timeout(llm.timeout())
          .maxRetries(0)
          .logRequests(false)
          .logResponses(false)
          .build());
      case OLLAMA -> Optional.of(OllamaChatModel.builder()
          .baseUrl(nativeBase(llm.baseUrl().toString()))
          .modelName(llm.model())
          .numCtx(OLLAMA_CONTEXT_TOKENS)
          .temperature(llm.temperature())
          .timeout(llm.timeout())
          .maxRetries(0)
          .logRequests(false)
          .logResponses(false)
          .build());
    };
  }

  /** Ollama's native API lives at the server root; the shipped default base URL is its OpenAI-compatible /v1. */
  static String nativeBase(String baseUrl) {
    String b = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return b.endsWith("/v1") ? b.substring(0, b.length() - 3) : b;
  }
}

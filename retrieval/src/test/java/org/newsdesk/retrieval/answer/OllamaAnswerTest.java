package org.newsdesk.retrieval.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsdesk.config.AnswerConfig;
import org.newsdesk.config.AnswerMode;
import org.newsdesk.config.LlmConfig;

/** The ollama mode through the real LangChain4j client against a stand-in of Ollama's native /api/chat. */
class OllamaAnswerTest {
  private MockWebServer server;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start(java.net.InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  private DefaultAnswerer answerer() {
    AnswerConfig config = AnswerConfig.defaults().withMode(AnswerMode.OLLAMA);
    // The shipped default base URL ends in /v1; the ollama mode talks to the server root.
    LlmConfig llm = new LlmConfig(URI.create(server.url("/v1").toString()), "llama3.1:8b", Duration.ofSeconds(5), 0.0,
        Optional.empty());
    return new DefaultAnswerer(Fixtures.fixedSearcher(Fixtures.ALL), 5, config,
        ChatModels.forMode(AnswerMode.OLLAMA, llm), Optional.of(DefaultPipeline.MODEL), Clock.systemUTC());
  }

  @Test
  void should_answer_through_the_native_chat_api_with_checked_citations() throws Exception {
    String content = new ObjectMapper().writeValueAsString("Tickets cost two euros for adults [3].");
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("""
        {"model":"llama3.1:8b","created_at":"2024-07-04T10:00:00Z",
         "message":{"role":"assistant","content":%s},
         "done":true,"done_reason":"stop","prompt_eval_count":90,"eval_count":12}""".formatted(content)));

    Answer a = answerer().answer("c1", "How much is a ferry ticket?");

    RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(request.getPath()).isEqualTo("/api/chat");
    // Five passages of up to 500 words do not fit Ollama's default window of 2,048 or 4,096 tokens, which it
    // would fill by dropping the start of the prompt (the instructions) without a word.
    assertThat(new ObjectMapper().readTree(request.getBody().readUtf8()).path("options").path("num_ctx").asInt())
        .isEqualTo(ChatModels.OLLAMA_CONTEXT_TOKENS);
    assertThat(a.mode()).isEqualTo(AnswerMode.OLLAMA);
    assertThat(a.text()).isEqualTo("Tickets cost two euros for adults [1].");
    assertThat(a.citations()).singleElement().satisfies(c -> assertThat(c.quote()).isEqualTo("Tickets cost two euros for adults."));
  }

  @Test
  void should_fall_back_with_a_notice_when_ollama_fails() {
    server.enqueue(new MockResponse().setResponseCode(404).setBody("{\"error\":\"model 'llama3.1:8b' not found\"}"));

    Answer a = answerer().answer("c1", "How much is a ferry ticket?");

    assertThat(a.mode()).isEqualTo(AnswerMode.EXTRACTIVE);
    assertThat(a.notice()).contains("The language model could not be reached; this answer quotes the articles directly.");
  }
}

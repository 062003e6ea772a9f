package org.newsdesk.retrieval.index.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.newsdesk.config.IndexConfig;
import org.newsdesk.retrieval.index.IndexUnavailableException;

class OpenSearchHttpTest {
  private static final byte[] ONE_DOC = "{\"index\":{\"_index\":\"x-1\",\"_id\":\"1\"}}\n{\"kind\":\"passage\"}\n"
      .getBytes(StandardCharsets.UTF_8);

  private static MockResponse json(int status, String body) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
  }

  private static OpenSearchHttp http(MockWebServer server) {
    return OpenSearchHttp.open(new IndexConfig.OpenSearch(server.url("/").uri(), "x", Optional.empty(),
        Optional.empty(), Optional.empty(), 1), Duration.ofSeconds(5), Duration.ofMillis(1));
  }

  @Test
  void should_send_a_bulk_again_when_the_cluster_pushes_back_and_then_takes_it() throws IOException, InterruptedException {
    try (MockWebServer server = new MockWebServer(); OpenSearchHttp http = http(server)) {
      server.enqueue(json(429, "{\"error\":{\"type\":\"rejected_execution_exception\",\"reason\":\"full\"},\"status\":429}"));
      server.enqueue(json(200, "{\"errors\":true,\"items\":[{\"index\":{\"status\":429,\"error\":{\"type\":\"rejected\"}}}]}"));
      server.enqueue(json(200, "{\"errors\":false,\"items\":[{\"index\":{\"status\":201}}]}"));

      assertThat(http.bulk(ONE_DOC).ok("write").path("errors").asBoolean()).isFalse();
      assertThat(server.getRequestCount()).isEqualTo(3);
      assertThat(server.takeRequest().getBody().readUtf8()).isEqualTo(new String(ONE_DOC, StandardCharsets.UTF_8));
    }
  }

  @Test
  void should_call_the_index_unavailable_when_the_cluster_keeps_pushing_back() throws IOException {
    try (MockWebServer server = new MockWebServer(); OpenSearchHttp http = http(server)) {
      for (int i = 0; i < 8; i++) {
        server.enqueue(json(429, "{\"error\":{\"type\":\"rejected_execution_exception\",\"reason\":\"full\"},\"status\":429}"));
      }

      assertThatThrownBy(() -> http.bulk(ONE_DOC)).isInstanceOf(IndexUnavailableException.class)
          .hasMessageEndingWith("is unavailable: OpenSearch answered HTTP 429: rejected_execution_exception: full");
      assertThat(server.getRequestCount()).isEqualTo(8);
    }
  }
}

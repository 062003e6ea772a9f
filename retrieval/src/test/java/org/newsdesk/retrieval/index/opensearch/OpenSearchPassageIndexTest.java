package org.newsdesk.retrieval.index.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.config.IndexConfig;
import org.newsdesk.config.IngestConfig;
import org.newsdesk.config.RetrievalConfig;
import org.newsdesk.config.Secret;
import org.newsdesk.retrieval.index.ArticleIndexer;
import org.newsdesk.retrieval.index.IndexFields;
import org.newsdesk.retrieval.index.IndexUnavailableException;
import org.newsdesk.retrieval.index.NewsAnalyzer;
import org.newsdesk.retrieval.index.ReindexBusyException;
import org.newsdesk.retrieval.index.ThreeArticles;

/** What only the OpenSearch backend has: a cluster that goes away, credentials, TLS, the lease, the alias. */
class OpenSearchPassageIndexTest {
  private static final Duration LEASE = Duration.ofMillis(600);
  private static final RetrievalConfig FAST_REFRESH = RetrievalConfig.defaults().withRefreshInterval(
      Duration.ofMillis(100));

  @TempDir Path tmp;
  private final String alias = TestCluster.newAlias();

  @AfterEach
  void dropIndexes() throws Exception {
    TestCluster.drop(alias);
  }

  private OpenSearchPassageIndex open(IndexConfig.OpenSearch config, RetrievalConfig retrieval) {
    return new OpenSearchPassageIndex(config, retrieval, LEASE);
  }

  private static ArticleIndexer indexer(OpenSearchPassageIndex index) {
    return new ArticleIndexer(index, IngestConfig.defaults(), Optional.empty(), 2, List.of());
  }

  @Test
  void should_analyse_passages_in_the_cluster_exactly_as_news_analyzer_does() throws Exception {
    try (OpenSearchPassageIndex index = open(TestCluster.config(alias), RetrievalConfig.defaults())) {
      indexer(index).reindex(ThreeArticles.write(tmp.resolve("articles")));
      index.refresh();
      List<Path> seeds;
      try (Stream<Path> files = Files.list(ThreeArticles.seeds())) {
        seeds = files.sorted().toList();
      }
      for (Path seed : seeds) {
        String text = Files.readString(seed, StandardCharsets.UTF_8);
        String body = OpenSearchHttp.JSON.createObjectNode().put("analyzer", "news").put("text", text).toString();
        JsonNode tokens = OpenSearchHttp.JSON.readTree(TestCluster.send("POST", "/" + alias + "/_analyze", body))
            .path("tokens");
        List<String> cluster = new ArrayList<>();
        for (JsonNode t : tokens) cluster.add(t.path("position").asInt() + ":" + t.path("token").asText());

        assertThat(cluster).as(seed.getFileName().toString()).hasSizeGreaterThan(100).isEqualTo(local(text));
      }
    }
  }

  private static List<String> local(String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (NewsAnalyzer analyzer = new NewsAnalyzer(); TokenStream ts = analyzer.tokenStream(IndexFields.TEXT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int pos = -1;
      while (ts.incrementToken()) {
        pos += inc.getPositionIncrement();
        out.add(pos + ":" + term);
      }
      ts.end();
    }
    return out;
  }

  @Test
  void should_say_the_index_is_unavailable_naming_the_url_and_recover_by_itself_when_the_cluster_returns()
      throws Exception {
    try (OpenSearchPassageIndex writer = open(TestCluster.config(alias), RetrievalConfig.defaults());
         TcpProxy proxy = new TcpProxy(TestCluster.url())) {
      indexer(writer).reindex(ThreeArticles.write(tmp.resolve("articles")));
      try (OpenSearchPassageIndex reader = open(TestCluster.config(proxy.url(), alias), FAST_REFRESH)) {
        assertThat(reader.lexical("tram harbour", 3)).isNotEmpty();

        proxy.cut();

        assertThatThrownBy(() -> reader.lexical("tram harbour", 3))
            .isInstanceOf(IndexUnavailableException.class)
            .hasMessageStartingWith("the passage index at " + proxy.url() + " (index " + alias + ") is unavailable: ");
        proxy.start();
        assertThat(reader.lexical("tram harbour", 3)).isNotEmpty();
        assertThat(reader.stats().articles()).isEqualTo(3);
      }
    }
  }

  @Test
  void should_start_while_the_cluster_is_down_and_fail_each_use_with_one_line() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    try (OpenSearchPassageIndex index = open(TestCluster.config(URI.create("http://127.0.0.1:" + port), alias),
        RetrievalConfig.defaults())) {
      assertThatThrownBy(index::hasIndex).isInstanceOf(IndexUnavailableException.class)
          .hasMessage("the passage index at http://127.0.0.1:" + port + " (index " + alias
              + ") is unavailable: Connect to http://127.0.0.1:" + port + " [/127.0.0.1] failed: Connection refused");
      assertThatThrownBy(index::writer).isInstanceOf(IndexUnavailableException.class)
          .hasMessageContaining("http://127.0.0.1:" + port);
    }
  }

  @Test
  void should_see_a_reindex_made_by_another_process_within_the_refresh_interval() throws Exception {
    try (OpenSearchPassageIndex reader = open(TestCluster.config(alias), FAST_REFRESH);
         OpenSearchPassageIndex other = open(TestCluster.config(alias), RetrievalConfig.defaults())) {
      assertThat(reader.hasIndex()).isFalse();

      indexer(other).reindex(ThreeArticles.write(tmp.resolve("articles")));

      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (!reader.hasIndex() && System.nanoTime() < deadline) Thread.sleep(50);
      assertThat(reader.lexical("tram harbour", 3)).isNotEmpty();
    }
  }

  @Test
  void should_name_the_cluster_and_take_over_the_lock_of_a_killed_run_once_its_lease_ran_out() throws Exception {
    try (OpenSearchPassageIndex index = open(TestCluster.config(alias), RetrievalConfig.defaults())) {
      OpenSearchPassageWriter killed = (OpenSearchPassageWriter) index.writer();
      killed.abandon();

      assertThatThrownBy(index::writer).isInstanceOf(ReindexBusyException.class)
          .hasMessage("another reindex is running on " + TestCluster.url() + " (index " + alias
              + "); try again when it has finished");
      Thread.sleep(LEASE.toMillis() + 200);
      index.writer().close();
    }
  }

  @Test
  void should_rebuild_into_a_new_index_behind_the_alias_when_the_bm25_settings_change() throws Exception {
    Path articles = ThreeArticles.write(tmp.resolve("articles"));
    try (OpenSearchPassageIndex index = open(TestCluster.config(alias), RetrievalConfig.defaults())) {
      indexer(index).reindex(articles);
    }
    RetrievalConfig d = RetrievalConfig.defaults();
    RetrievalConfig retuned = new RetrievalConfig(d.topK(), 1.2f, 0.4f, d.titleBoost(), d.phraseBoost(),
        Duration.ofSeconds(1), d.hybrid());
    try (OpenSearchPassageIndex index = open(TestCluster.config(alias), retuned)) {
      assertThat(indexer(index).reindex(articles).countsLine()).isEqualTo("3 indexed, 0 unchanged, 0 deleted, 0 rejected");
      index.refresh();

      JsonNode aliases = OpenSearchHttp.JSON.readTree(TestCluster.send("GET", "/_alias/" + alias, null));
      assertThat(aliases.properties()).extracting(Map.Entry::getKey).containsExactly(alias + "-2");
      JsonNode similarity = OpenSearchHttp.JSON.readTree(TestCluster.send("GET", "/" + alias + "-2/_settings", null))
          .path(alias + "-2").path("settings").path("index").path("similarity").path("news_bm25");
      assertThat(similarity.path("k1").asText()).isEqualTo("1.2");
      assertThat(similarity.path("b").asText()).isEqualTo("0.4");
      assertThat(TestCluster.send("GET", "/_cat/indices/" + alias + "-1", null)).contains("index_not_found_exception");
      assertThat(index.lexical("tram harbour", 3)).isNotEmpty();
      assertThat(indexer(index).reindex(articles).countsLine()).isEqualTo("0 indexed, 3 unchanged, 0 deleted, 0 rejected");
    }
  }

  @Test
  void should_send_the_credentials_and_say_when_the_cluster_refuses_them_without_showing_them() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse().setResponseCode(401).setHeader("Content-Type", "application/json")
          .setBody("{\"error\":\"unauthorized\"}"));
      server.start();
      IndexConfig.OpenSearch config = new IndexConfig.OpenSearch(server.url("/").uri(), alias, Optional.of("newsdesk"),
          Optional.of(new Secret("s3cret-pw")), Optional.empty(), 1);

      try (OpenSearchPassageIndex index = open(config, RetrievalConfig.defaults())) {
        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeader("Authorization")).isEqualTo("Basic "
            + Base64.getEncoder().encodeToString("newsdesk:s3cret-pw".getBytes(StandardCharsets.UTF_8)));
        server.enqueue(new MockResponse().setResponseCode(401));
        assertThatThrownBy(index::hasIndex).isInstanceOf(IndexUnavailableException.class)
            .hasMessage("the passage index at " + server.url("/") + " (index " + alias + ") is unavailable:"
                + " OpenSearch refused the credentials (HTTP 401); check NEWSDESK_OPENSEARCH_USER and"
                + " NEWSDESK_OPENSEARCH_PASSWORD")
            .message().doesNotContain("s3cret-pw");
      }
    }
  }

  @Test
  void should_trust_the_configured_ca_over_https_and_nothing_else() throws Exception {
    HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("Newsdesk test CA").build();
    HeldCertificate serverCert = new HeldCertificate.Builder().signedBy(ca).addSubjectAlternativeName("localhost")
        .build();
    Path caFile = Files.writeString(tmp.resolve("ca.pem"), ca.certificatePem());
    try (MockWebServer server = new MockWebServer()) {
      server.useHttps(new HandshakeCertificates.Builder().heldCertificate(serverCert).build().sslSocketFactory(), false);
      server.enqueue(new MockResponse().setResponseCode(404).setHeader("Content-Type", "application/json")
          .setBody("{\"error\":{\"type\":\"index_not_found_exception\"},\"status\":404}"));
      server.enqueue(new MockResponse().setResponseCode(404).setHeader("Content-Type", "application/json")
          .setBody("{\"error\":{\"type\":\"index_not_found_exception\"},\"status\":404}"));
      server.start();
      URI url = URI.create("https://localhost:" + server.getPort());

      IndexConfig.OpenSearch trusting = new IndexConfig.OpenSearch(url, alias, Optional.empty(), Optional.empty(),
          Optional.of(caFile), 1);
      try (OpenSearchPassageIndex index = open(trusting, RetrievalConfig.defaults())) {
        index.refresh();
        assertThat(index.hasIndex()).isFalse();
        assertThat(server.takeRequest().getPath()).isEqualTo("/" + alias + "/_doc/commit");
      }
      IndexConfig.OpenSearch withoutCa = new IndexConfig.OpenSearch(url, alias, Optional.empty(), Optional.empty(),
          Optional.empty(), 1);
      try (OpenSearchPassageIndex index = open(withoutCa, RetrievalConfig.defaults())) {
        assertThatThrownBy(index::hasIndex).isInstanceOf(IndexUnavailableException.class)
            .hasMessageStartingWith("the passage index at " + url + " (index " + alias + ") is unavailable: ");
      }
    }
  }
}

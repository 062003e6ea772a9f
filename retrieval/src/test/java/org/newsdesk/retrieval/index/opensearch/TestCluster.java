package org.newsdesk.retrieval.index.opensearch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.newsdesk.config.IndexConfig;
import org.newsdesk.testkit.TestOpenSearch;

/**
 * The OpenSearch the tests run against ({@link TestOpenSearch}): each test works under an alias of
 * its own and drops it afterwards.
 */
final class TestCluster {
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestCluster() {}

  static URI url() {
    return URI.create(TestOpenSearch.url());
  }

  /** A new alias name, unique in this test run. */
  static String newAlias() {
    return "nd-test-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet();
  }

  static IndexConfig.OpenSearch config(String alias) {
    return config(url(), alias);
  }

  static IndexConfig.OpenSearch config(URI url, String alias) {
    return new IndexConfig.OpenSearch(url, alias, Optional.empty(), Optional.empty(), Optional.empty(), 1);
  }

  /** Drops every index of {@code alias}: its generations and its lock. */
  static void drop(String alias) throws IOException, InterruptedException {
    HTTP.send(HttpRequest.newBuilder(url().resolve("/" + alias + "-*?expand_wildcards=all")).DELETE().build(),
        HttpResponse.BodyHandlers.discarding());
  }

  /** A GET or POST of JSON to the cluster, for checks of what it holds. */
  static String send(String method, String path, String json) throws IOException, InterruptedException {
    HttpRequest.Builder r = HttpRequest.newBuilder(url().resolve(path)).header("Content-Type", "application/json");
    r.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}

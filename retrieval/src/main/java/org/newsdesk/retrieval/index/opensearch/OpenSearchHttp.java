package org.newsdesk.retrieval.index.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;
import org.newsdesk.config.IndexConfig;
import org.newsdesk.retrieval.index.IndexUnavailableException;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.opensearch.client.transport.httpclient5.ResponseException;

/**
 * The one way this package talks to the cluster: opensearch-java's HTTP transport (Apache
 * HttpClient 5), with the credentials and the CA of the configuration, and every failure sorted
 * once. The cluster down, unreachable, overloaded (429, 5xx) or refusing the credentials (401, 403)
 * is an {@link IndexUnavailableException} naming the URL and index (never a credential); any other
 * answer is returned for the caller to read, and {@link Reply#ok} turns an unexpected one into an
 * {@link IOException} with OpenSearch's reason.
 */
final class OpenSearchHttp implements Closeable {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** The first wait after a push-back; each next one doubles, up to 8 s. */
  private static final Duration FIRST_BACK_OFF = Duration.ofMillis(250);

  private final IndexConfig.OpenSearch config;
  private final Duration firstBackOff;
  private final ApacheHttpClient5Transport transport;
  private final OpenSearchGenericClient client;

  /** What the cluster answered: the HTTP status and the JSON body (missing when it had none). */
  record Reply(int status, JsonNode body) {
    /** The body when the status is 2xx; otherwise an IOException saying what OpenSearch refused and why. */
    JsonNode ok(String action) throws IOException {
      if (status >= 200 && status < 300) return body;
      throw new IOException("OpenSearch refused to " + action + " (HTTP " + status + "): " + reason(body));
    }

    boolean is(int code) {
      return status == code;
    }
  }

  private OpenSearchHttp(IndexConfig.OpenSearch config, ApacheHttpClient5Transport transport, Duration firstBackOff) {
    this.config = config;
    this.firstBackOff = firstBackOff;
    this.transport = transport;
    this.client = new OpenSearchGenericClient(transport);
  }

  /** A connection whose requests may take up to {@code responseTimeout} to answer. */
  static OpenSearchHttp open(IndexConfig.OpenSearch config, Duration responseTimeout) {
    return open(config, responseTimeout, FIRST_BACK_OFF);
  }

  static OpenSearchHttp open(IndexConfig.OpenSearch config, Duration responseTimeout, Duration firstBackOff) {
    URI url = config.url();
    int port = url.getPort() > 0 ? url.getPort() : (url.getScheme().equals("https") ? 443 : 80);
    HttpHost host = new HttpHost(url.getScheme(), url.getHost(), port);
    ApacheHttpClient5TransportBuilder builder = ApacheHttpClient5TransportBuilder.builder(host)
        .setRequestConfigCallback(r -> r
            .setConnectionRequestTimeout(Timeout.of(CONNECT_TIMEOUT))
            .setResponseTimeout(Timeout.of(responseTimeout)))
        .setConnectionConfigCallback(c -> c.setConnectTimeout(Timeout.of(CONNECT_TIMEOUT)));
    if (url.getPath() != null && !url.getPath().isEmpty() && !url.getPath().equals("/")) {
      builder.setPathPrefix(url.getPath());
    }
    // Preemptive basic authentication: the header goes with every request, so no request depends
    // on a 401 challenge first (some proxies in front of clusters never send one).
    if (config.user().isPresent()) {
      String pair = config.user().get() + ":" + config.password().map(p -> p.value()).orElse("");
      builder.setDefaultHeaders(new Header[] {new BasicHeader(HttpHeaders.AUTHORIZATION,
          "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)))});
    }
    if (config.caFile().isPresent()) {
      SSLContext tls = trusting(config);
      builder.setHttpClientConfigCallback(b -> b.setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
          .setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(tls).buildAsync())
          .build()));
    }
    return new OpenSearchHttp(config, builder.build(), firstBackOff);
  }

  /** A TLS context that trusts the certificates of the configured CA file (PEM), and only those. */
  private static SSLContext trusting(IndexConfig.OpenSearch config) {
    try (InputStream in = Files.newInputStream(config.caFile().get())) {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      int n = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        trust.setCertificateEntry("ca-" + n++, c);
      }
      if (n == 0) throw new IllegalArgumentException("no certificate in " + config.caFile().get());
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot read the CA file " + config.caFile().get() + ": " + e.getMessage(), e);
    }
  }

  /** {@code http://127.0.0.1:9200 (index newsdesk-passages)}. */
  String where() {
    return config.describe();
  }

  IndexConfig.OpenSearch config() {
    return config;
  }

  /** Sends a request with a JSON body (or none) and returns the answer; see the class comment for failures. */
  Reply send(String method, String path, Map<String, String> query, Optional<JsonNode> body) {
    try {
      return send(method, path, query, body.isEmpty() ? null
          : Body.from(JSON.writeValueAsBytes(body.get()), "application/json"));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write a request body", e);
    }
  }

  Reply send(String method, String path) {
    return send(method, path, Map.of(), Optional.empty());
  }

  Reply send(String method, String path, JsonNode body) {
    return send(method, path, Map.of(), Optional.of(body));
  }

  /**
   * A bulk request: {@code ndjson} is the action and source lines, each ending in a newline. A
   * cluster pushing back (HTTP 429: its indexing memory is full) is given time, up to about half a
   * minute, before it counts as unavailable; the actions must be safe to repeat (explicit ids).
   */
  Reply bulk(byte[] ndjson) {
    long backOff = firstBackOff.toMillis();
    for (int attempt = 1; ; attempt++) {
      Reply reply = exchange("POST", "/_bulk", Map.of(), Body.from(ndjson, "application/x-ndjson"));
      boolean pushedBack = reply.is(429) || reply.body().path("items").findValues("status").stream()
          .anyMatch(s -> s.asInt() == 429);
      if (!pushedBack || attempt == 8) return classify(reply);
      try {
        Thread.sleep(backOff);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return classify(reply);
      }
      backOff = Math.min(backOff * 2, 8_000);
    }
  }

  private Reply send(String method, String path, Map<String, String> query, Body body) {
    return classify(exchange(method, path, query, body));
  }

  /** The answer, whatever its status; only a request that got no answer fails here. */
  private Reply exchange(String method, String path, Map<String, String> query, Body body) {
    Requests.JsonBodyBuilder request = Requests.builder().method(method).endpoint(path).query(query);
    if (body != null) request.body(body);
    int status;
    JsonNode json = MissingNode.getInstance();
    try (Response response = client.execute(request.build())) {
      status = response.getStatus();
      Optional<Body> content = response.getBody();
      if (content.isPresent()) {
        byte[] bytes = content.get().bodyAsBytes();
        if (bytes.length > 0 && content.get().contentType().contains("json")) json = JSON.readTree(bytes);
      }
    } catch (IOException e) {
      ResponseException answered = answer(e);
      if (answered == null) throw new IndexUnavailableException(where(), describe(e), e);
      status = answered.status();
      json = body(answered);
    }
    return new Reply(status, json);
  }

  /** Unavailability (credentials refused, overload, server errors) as the exception; any other answer as it is. */
  private Reply classify(Reply reply) {
    int status = reply.status();
    JsonNode json = reply.body();
    if (status == 401 || status == 403) {
      throw new IndexUnavailableException(where(), "OpenSearch refused the credentials (HTTP " + status
          + "); check NEWSDESK_OPENSEARCH_USER and NEWSDESK_OPENSEARCH_PASSWORD", null);
    }
    if (status == 429 || status >= 500) {
      throw new IndexUnavailableException(where(), "OpenSearch answered HTTP " + status + ": " + reason(json), null);
    }
    return reply;
  }

  /** The transport reports most error statuses as a ResponseException, sometimes wrapped: the answer, or null. */
  private static ResponseException answer(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ResponseException r) return r;
      if (t.getCause() == t) break;
    }
    return null;
  }

  /**
   * The JSON body of an error answer: its message holds it after the status line (the response
   * object itself is not public); missing when there is none.
   */
  private static JsonNode body(ResponseException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    int start = message.indexOf('{');
    try {
      return start < 0 ? MissingNode.getInstance() : JSON.readTree(message.substring(start));
    } catch (IOException unreadable) {
      return MissingNode.getInstance();
    }
  }

  /** {@code "Connection refused"}, or the exception's class when it has no message. */
  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
  }

  /** OpenSearch's error type and reason, e.g. {@code index_not_found_exception: no such index [x]}. */
  static String reason(JsonNode body) {
    JsonNode error = body.path("error");
    if (error.isTextual()) return error.asText();
    JsonNode cause = error.path("root_cause").path(0);
    if (cause.isMissingNode()) cause = error;
    String type = cause.path("type").asText("");
    String reason = cause.path("reason").asText("");
    if (type.isEmpty() && reason.isEmpty()) return body.isMissingNode() ? "no answer body" : body.toString();
    return type + ": " + reason;
  }

  /** The error type of an answer, e.g. {@code index_not_found_exception}; empty when it is no error. */
  static String errorType(JsonNode body) {
    return body.path("error").path("type").asText("");
  }

  @Override
  public void close() throws IOException {
    transport.close();
  }
}

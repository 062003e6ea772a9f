package org.newsdesk.retrieval.index.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Index actions gathered into bulk requests: an action is buffered and the buffer goes out once it
 * reaches {@link #BULK_BYTES} (a file of many articles goes out in several requests), the rest at
 * {@link #flush}. Safe for the indexer's threads; a document the cluster refuses stops the run.
 */
final class BulkBuffer {
  /** A bulk request goes out when its body reaches this many bytes. */
  private static final int BULK_BYTES = 4 << 20;

  private final OpenSearchHttp http;
  private ByteArrayOutputStream buffer = new ByteArrayOutputStream();

  BulkBuffer(OpenSearchHttp http) {
    this.http = http;
  }

  /** Buffers the indexing of {@code source} as {@code id} in {@code index}, routed by {@code routing}. */
  void add(String index, String id, String routing, ObjectNode source) throws IOException {
    ObjectNode action = OpenSearchHttp.JSON.createObjectNode();
    action.putObject("index").put("_index", index).put("_id", id).put("routing", routing);
    byte[] full = null;
    synchronized (this) {
      buffer.write(OpenSearchHttp.JSON.writeValueAsBytes(action));
      buffer.write('\n');
      buffer.write(OpenSearchHttp.JSON.writeValueAsBytes(source));
      buffer.write('\n');
      if (buffer.size() >= BULK_BYTES) {
        full = buffer.toByteArray();
        buffer = new ByteArrayOutputStream();
      }
    }
    if (full != null) send(full);
  }

  /** Sends what is buffered. */
  void flush() throws IOException {
    byte[] rest;
    synchronized (this) {
      if (buffer.size() == 0) return;
      rest = buffer.toByteArray();
      buffer = new ByteArrayOutputStream();
    }
    send(rest);
  }

  private void send(byte[] ndjson) throws IOException {
    JsonNode reply = http.bulk(ndjson).ok("write passages");
    if (!reply.path("errors").asBoolean()) return;
    for (JsonNode item : reply.path("items")) {
      JsonNode error = item.path("index").path("error");
      if (!error.isMissingNode()) {
        throw new IOException("OpenSearch refused a document in " + item.path("index").path("_index").asText()
            + ": " + error.path("type").asText() + ": " + error.path("reason").asText());
      }
    }
  }
}

package org.newsdesk.retrieval.index.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The generation marks on documents, changed by query: a run ends the committed documents of the
 * files it replaces or deletes ({@link IndexLayout#GEN_TO}), and a run that did not commit has its
 * documents and marks taken back. Each request waits until it is done and is refreshed, so the
 * next step of the run sees it; a conflict with a concurrent write goes on rather than stopping.
 */
final class GenerationMarks {
  private final OpenSearchHttp http;

  GenerationMarks(OpenSearchHttp http) {
    this.http = http;
  }

  /** Marks the documents of {@code paths} written before {@code generation}, and alive, as ended by it. */
  void end(String index, List<String> paths, long generation) throws IOException {
    ObjectNode byPath = OpenSearchHttp.JSON.createObjectNode();
    ArrayNode values = byPath.putObject("terms").putArray(IndexLayout.PATH);
    paths.forEach(values::add);
    ObjectNode body = OpenSearchHttp.JSON.createObjectNode();
    body.set("query", IndexLayout.allOf(byPath, range(IndexLayout.GEN_FROM, "lt", generation),
        IndexLayout.notExists(IndexLayout.GEN_TO)));
    ObjectNode script = body.putObject("script");
    script.put("lang", "painless").put("source", "ctx._source." + IndexLayout.GEN_TO + " = params.generation");
    script.putObject("params").put("generation", generation);
    byQuery("_update_by_query", index, body, "mark deleted passages");
  }

  /** Takes back the marks of runs after {@code committed}: their documents are alive again. */
  void unmarkAfter(String index, long committed) throws IOException {
    ObjectNode body = OpenSearchHttp.JSON.createObjectNode();
    body.set("query", range(IndexLayout.GEN_TO, "gt", committed));
    body.putObject("script").put("lang", "painless").put("source", "ctx._source.remove('" + IndexLayout.GEN_TO + "')");
    byQuery("_update_by_query", index, body, "take back an unfinished run's deletions");
  }

  /** Deletes the documents of {@code index} that {@code query} matches. */
  void delete(String index, ObjectNode query) throws IOException {
    ObjectNode body = OpenSearchHttp.JSON.createObjectNode();
    body.set("query", query);
    byQuery("_delete_by_query", index, body, "delete passages");
  }

  /** The documents whose {@code field} compares to {@code value} by {@code op} ("gt", "lte", ...). */
  static ObjectNode range(String field, String op, long value) {
    ObjectNode q = OpenSearchHttp.JSON.createObjectNode();
    q.putObject("range").putObject(field).put(op, value);
    return q;
  }

  private void byQuery(String api, String index, ObjectNode body, String action) throws IOException {
    JsonNode reply = http.send("POST", "/" + index + "/" + api,
        Map.of("conflicts", "proceed", "refresh", "true", "wait_for_completion", "true"), Optional.of(body))
        .ok(action);
    if (reply.path("failures").size() > 0) {
      throw new IOException("OpenSearch could not " + action + " in " + index + ": " + reply.path("failures").get(0));
    }
  }
}

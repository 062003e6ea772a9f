package org.newsdesk.retrieval.index.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The physical indexes behind the alias and the alias itself, as a reindex run manages them:
 * listing, creating, mapping vectors, refreshing, dropping, and pointing the alias at a rebuilt
 * index. The documents inside are the business of {@link BulkBuffer} and {@link GenerationMarks}.
 */
final class IndexAdmin {
  private final OpenSearchHttp http;
  private final IndexLayout layout;

  IndexAdmin(OpenSearchHttp http, IndexLayout layout) {
    this.http = http;
    this.layout = layout;
  }

  /** The alias's physical indexes, whether or not the alias points at them. */
  List<String> physicalIndexes() throws IOException {
    JsonNode rows = http.send("GET", "/_cat/indices/" + layout.alias() + "-*",
        Map.of("format", "json", "h", "index", "expand_wildcards", "all"), Optional.empty()).ok("list the indexes");
    List<String> names = new ArrayList<>();
    for (JsonNode row : rows) {
      String name = row.path("index").asText();
      if (layout.isPhysical(name)) names.add(name);
    }
    return names;
  }

  /** Creates {@code index} with the news analyser and the BM25 settings given. */
  void create(String index, float k1, float b, int shards) throws IOException {
    http.send("PUT", "/" + index, IndexLayout.definition(k1, b, shards)).ok("create the index " + index);
  }

  /** Drops {@code index}; {@code action} says which, for the error (e.g. "drop the unfinished index x"). */
  void drop(String index, String action) throws IOException {
    http.send("DELETE", "/" + index).ok(action);
  }

  /** Maps the vector field of {@code index} with {@code dimensions}; an index mapped with others refuses it. */
  void mapVectors(String index, int dimensions) throws IOException {
    http.send("PUT", "/" + index + "/_mapping", IndexLayout.vectorMapping(dimensions))
        .ok("map vectors of " + dimensions + " dimensions in " + index);
  }

  /** Makes what was written to {@code index} searchable. */
  void refresh(String index) throws IOException {
    http.send("POST", "/" + index + "/_refresh").ok("refresh " + index);
  }

  /** Points the alias at {@code rebuilt} in one request, then drops the index it pointed at. */
  void swapAlias(Optional<String> replaced, String rebuilt) throws IOException {
    ObjectNode body = OpenSearchHttp.JSON.createObjectNode();
    ArrayNode actions = body.putArray("actions");
    replaced.ifPresent(old -> actions.addObject().putObject("remove").put("index", old).put("alias", layout.alias()));
    actions.addObject().putObject("add").put("index", rebuilt).put("alias", layout.alias());
    http.send("POST", "/_aliases", body).ok("point " + layout.alias() + " at " + rebuilt);
    if (replaced.isPresent()) {
      // Readers still on the old index find it gone, move to the new commit and search again.
      drop(replaced.get(), "delete the replaced index " + replaced.get());
    }
  }
}

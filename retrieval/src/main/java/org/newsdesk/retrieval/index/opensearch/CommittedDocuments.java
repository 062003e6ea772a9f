package org.newsdesk.retrieval.index.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.newsdesk.retrieval.index.FileManifest;
import org.newsdesk.retrieval.index.StoredManifests;

/**
 * What a reindex run reads of the last commit, as every reader sees it: the manifests of the files
 * indexed (to find what changed) and the vectors already stored for passage texts (so an unchanged
 * text is never embedded again). Read in pages, so an index of any size is read in bounded requests.
 */
final class CommittedDocuments {
  private static final int PAGE = 1_000;

  private final OpenSearchHttp http;
  private final CommitPoint commit;

  CommittedDocuments(OpenSearchHttp http, CommitPoint commit) {
    this.http = http;
    this.commit = commit;
  }

  /** Every file's manifest, by path; of another format when one was written by another version. */
  StoredManifests manifests() throws IOException {
    Map<String, FileManifest> out = new HashMap<>();
    JsonNode after = null;
    while (true) {
      ObjectNode search = OpenSearchHttp.JSON.createObjectNode();
      search.put("size", PAGE);
      search.put("track_total_hits", false);
      search.set("query", IndexLayout.visible(IndexLayout.MANIFEST, commit.generation()));
      search.putArray("_source").add(IndexLayout.MANIFEST_DATA);
      search.putArray("sort").addObject().put(IndexLayout.PATH, "asc");
      if (after != null) search.set("search_after", after);
      JsonNode hits = http.send("POST", "/" + commit.index() + "/_search", search)
          .ok("read the manifests").path("hits").path("hits");
      for (JsonNode hit : hits) {
        JsonNode stored = hit.path("_source").path(IndexLayout.MANIFEST_DATA);
        int format = ManifestJson.format(stored);
        if (format != ManifestJson.FORMAT) return StoredManifests.ofOtherFormat(format);
        FileManifest m = ManifestJson.decode(stored);
        out.put(m.path(), m);
        after = hit.path("sort");
      }
      if (hits.size() < PAGE) return StoredManifests.of(out);
    }
  }

  /** The stored vector of each of {@code textHashes} that has one. */
  Map<String, float[]> vectors(Collection<String> textHashes) throws IOException {
    Map<String, float[]> out = new HashMap<>();
    List<String> all = List.copyOf(new LinkedHashSet<>(textHashes));
    for (int from = 0; from < all.size(); from += PAGE) {
      List<String> batch = all.subList(from, Math.min(all.size(), from + PAGE));
      ObjectNode search = OpenSearchHttp.JSON.createObjectNode();
      search.put("size", batch.size());
      search.put("track_total_hits", false);
      ObjectNode terms = OpenSearchHttp.JSON.createObjectNode();
      ArrayNode values = terms.putObject("terms").putArray(IndexLayout.TEXT_HASH);
      batch.forEach(values::add);
      ObjectNode hasVector = OpenSearchHttp.JSON.createObjectNode();
      hasVector.putObject("exists").put("field", IndexLayout.VECTOR);
      search.set("query", IndexLayout.allOf(IndexLayout.visible(IndexLayout.PASSAGE, commit.generation()),
          terms, hasVector));
      search.putObject("collapse").put("field", IndexLayout.TEXT_HASH);
      search.putArray("_source").add(IndexLayout.TEXT_HASH).add(IndexLayout.VECTOR);
      JsonNode hits = http.send("POST", "/" + commit.index() + "/_search", search)
          .ok("read stored vectors").path("hits").path("hits");
      for (JsonNode hit : hits) {
        JsonNode source = hit.path("_source");
        out.put(source.path(IndexLayout.TEXT_HASH).asText(), PassageJson.vector(source));
      }
    }
    return out;
  }
}

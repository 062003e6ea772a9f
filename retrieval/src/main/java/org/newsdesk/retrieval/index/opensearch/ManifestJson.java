package org.newsdesk.retrieval.index.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.newsdesk.retrieval.index.FileManifest;

/**
 * The stored form of a {@link FileManifest} in OpenSearch: a JSON object kept in the source only
 * (never indexed), starting with its format number so manifests written by another version are
 * recognised before anything else is read, and the whole index rebuilt.
 */
final class ManifestJson {
  private ManifestJson() {}

  /** The format this version writes and reads. */
  static final int FORMAT = 2;

  static ObjectNode encode(FileManifest m) {
    ObjectNode o = OpenSearchHttp.JSON.createObjectNode();
    o.put("format", FORMAT);
    o.put("path", m.path());
    o.put("hash", m.hash());
    o.put("reparse", m.reparse());
    ArrayNode problems = o.putArray("problems");
    m.problems().forEach(problems::add);
    ArrayNode articles = o.putArray("articles");
    for (FileManifest.Entry e : m.articles()) {
      ObjectNode a = articles.addObject();
      a.put("id", e.id());
      e.published().ifPresent(d -> a.put("published", d.toString()));
      longs(a.putArray("fingerprints"), e.fingerprints());
      longs(a.putArray("shared"), e.shared());
      a.put("indexed", e.indexed());
      a.put("passages", e.passages());
    }
    return o;
  }

  static int format(JsonNode stored) {
    return stored.path("format").asInt(0);
  }

  /** Reads {@link #encode}; {@code stored} must be in {@link #FORMAT} (check with {@link #format}). */
  static FileManifest decode(JsonNode stored) {
    if (format(stored) != FORMAT) throw new IllegalArgumentException("manifest format " + format(stored));
    List<FileManifest.Entry> entries = new ArrayList<>();
    for (JsonNode a : stored.path("articles")) {
      JsonNode published = a.path("published");
      entries.add(new FileManifest.Entry(a.path("id").asText(),
          published.isTextual() ? Optional.of(LocalDate.parse(published.asText())) : Optional.empty(),
          longs(a.path("fingerprints")), longs(a.path("shared")), a.path("indexed").asBoolean(),
          a.path("passages").asInt()));
    }
    List<String> problems = new ArrayList<>();
    for (JsonNode p : stored.path("problems")) problems.add(p.asText());
    return new FileManifest(stored.path("path").asText(), stored.path("hash").asText(), entries, problems,
        stored.path("reparse").asBoolean());
  }

  private static void longs(ArrayNode out, Set<Long> values) {
    for (long v : values) out.add(v);
  }

  private static Set<Long> longs(JsonNode array) {
    Set<Long> out = new HashSet<>(array.size() * 2);
    for (JsonNode v : array) out.add(v.asLong());
    return out;
  }
}

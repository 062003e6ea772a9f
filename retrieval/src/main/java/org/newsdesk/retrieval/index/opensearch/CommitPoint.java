package org.newsdesk.retrieval.index.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.newsdesk.retrieval.index.CorpusStats;
import org.newsdesk.retrieval.index.IndexSignature;

/**
 * What readers see: the physical index behind the alias, the generation its last commit made
 * visible, that commit's statistics and signature, and the BM25 settings the index was built with.
 * Stored as the commit document of the physical index, so an alias swap moves it with the data.
 */
record CommitPoint(String index, long generation, CorpusStats stats, IndexSignature signature, float k1, float b,
                   int shards) {
  /** The commit document's format; a reader that finds another one does not guess. */
  static final int FORMAT = 1;

  ObjectNode toDocument() {
    ObjectNode doc = OpenSearchHttp.JSON.createObjectNode();
    doc.put(IndexLayout.KIND, IndexLayout.COMMIT);
    ObjectNode c = doc.putObject(IndexLayout.COMMIT_DATA);
    c.put("format", FORMAT);
    c.put("generation", generation);
    c.put("articles", stats.articles());
    c.put("passages", stats.passages());
    stats.earliest().ifPresent(d -> c.put("earliest", d.toString()));
    stats.latest().ifPresent(d -> c.put("latest", d.toString()));
    stats.reindexedAt().ifPresent(t -> c.put("reindexed_at", t.toString()));
    signature.embeddingModel().ifPresent(m -> c.put("embedding_model", m));
    c.put("ingest", signature.ingest());
    c.put("k1", k1);
    c.put("b", b);
    c.put("shards", shards);
    return doc;
  }

  /** The commit point of the physical {@code index} whose commit document source is {@code source}. */
  static CommitPoint fromDocument(String index, JsonNode source) {
    JsonNode c = source.path(IndexLayout.COMMIT_DATA);
    int format = c.path("format").asInt(-1);
    if (format != FORMAT) {
      throw new IllegalStateException("the commit of " + index + " is in format " + format + ", this version reads "
          + FORMAT + "; rebuild the index with this version");
    }
    CorpusStats stats = new CorpusStats(c.path("articles").asInt(), c.path("passages").asInt(),
        text(c, "earliest").map(LocalDate::parse), text(c, "latest").map(LocalDate::parse),
        text(c, "reindexed_at").map(Instant::parse));
    IndexSignature signature = new IndexSignature(text(c, "embedding_model"), c.path("ingest").asText(""));
    return new CommitPoint(index, c.path("generation").asLong(), stats, signature,
        (float) c.path("k1").asDouble(), (float) c.path("b").asDouble(), c.path("shards").asInt(1));
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
  }
}

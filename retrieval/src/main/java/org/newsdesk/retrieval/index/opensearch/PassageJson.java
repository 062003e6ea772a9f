package org.newsdesk.retrieval.index.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.LocalDate;
import java.util.Optional;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.embed.EmbeddedText;

/**
 * A passage as an OpenSearch document and back; the document keeps all a citation needs, and the
 * hash of its embedded text ({@link EmbeddedText#hash}) under which its vector is found again.
 */
final class PassageJson {
  private PassageJson() {}

  /**
   * The passage document written by {@code generation} for the file at {@code path}, with its
   * {@code vector} when there is one.
   */
  static ObjectNode encode(Passage p, String path, long generation, float[] vector) {
    ObjectNode d = OpenSearchHttp.JSON.createObjectNode();
    d.put(IndexLayout.KIND, IndexLayout.PASSAGE);
    d.put(IndexLayout.GEN_FROM, generation);
    d.put(IndexLayout.PATH, path);
    d.put(IndexLayout.ARTICLE_ID, p.articleId());
    d.put(IndexLayout.ORDINAL, p.ordinal());
    d.put(IndexLayout.TITLE, p.title());
    d.put(IndexLayout.TEXT, p.text());
    p.url().ifPresent(u -> d.put(IndexLayout.URL, u.toString()));
    p.published().ifPresent(date -> d.put(IndexLayout.PUBLISHED, date.toString()));
    p.source().ifPresent(s -> d.put(IndexLayout.SOURCE, s));
    d.put(IndexLayout.START, p.start());
    d.put(IndexLayout.END, p.end());
    d.put(IndexLayout.TEXT_HASH, EmbeddedText.hash(p));
    if (vector != null) {
      ArrayNode v = d.putArray(IndexLayout.VECTOR);
      for (float x : vector) v.add(x);
    }
    return d;
  }

  static Passage decode(JsonNode d) {
    return new Passage(
        d.path(IndexLayout.ARTICLE_ID).asText(),
        d.path(IndexLayout.ORDINAL).asInt(),
        d.path(IndexLayout.TITLE).asText(),
        d.path(IndexLayout.TEXT).asText(),
        text(d, IndexLayout.URL).map(URI::create),
        text(d, IndexLayout.PUBLISHED).map(LocalDate::parse),
        text(d, IndexLayout.SOURCE),
        d.path(IndexLayout.START).asInt(),
        d.path(IndexLayout.END).asInt());
  }

  static float[] vector(JsonNode d) {
    JsonNode v = d.path(IndexLayout.VECTOR);
    float[] out = new float[v.size()];
    for (int i = 0; i < out.length; i++) out[i] = (float) v.get(i).asDouble();
    return out;
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
  }
}

package org.newsdesk.retrieval.index.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;

/**
 * The names, mapping and visibility rule of the index (see the package comment for the design).
 * Searches go through the alias (the configured name); behind it one physical index per build,
 * {@code <alias>-<generation>}; the reindex lock lives in {@code <alias>-lock}. Every document has
 * a {@link #KIND}; passages and manifests carry the generation that wrote them and, once replaced
 * or deleted, the generation that did so.
 */
final class IndexLayout {
  static final String KIND = "kind";
  static final String PASSAGE = "passage";
  static final String MANIFEST = "manifest";
  static final String COMMIT = "commit";
  /** The id of the commit document, the one document a reader polls. */
  static final String COMMIT_ID = "commit";

  static final String GEN_FROM = "gen_from";
  static final String GEN_TO = "gen_to";
  static final String PATH = "path";
  static final String ARTICLE_ID = "article_id";
  static final String ORDINAL = "ordinal";
  static final String TITLE = "title";
  static final String TEXT = "text";
  static final String URL = "url";
  static final String PUBLISHED = "published";
  static final String SOURCE = "source";
  static final String START = "start";
  static final String END = "end";
  static final String TEXT_HASH = "text_hash";
  static final String VECTOR = "vector";
  static final String MANIFEST_DATA = "manifest";
  static final String COMMIT_DATA = "commit";

  private final String alias;
  private final Pattern generations;

  IndexLayout(String alias) {
    this.alias = alias;
    this.generations = Pattern.compile(Pattern.quote(alias) + "-(\\d+)");
  }

  String alias() {
    return alias;
  }

  String lockIndex() {
    return alias + "-lock";
  }

  /** The physical index a build that starts at {@code generation} writes. */
  String physical(long generation) {
    return alias + "-" + generation;
  }

  /** Whether {@code name} is one of this alias's physical indexes (and not another alias's that shares a prefix). */
  boolean isPhysical(String name) {
    return generations.matcher(name).matches();
  }

  /**
   * Settings and mappings of a new physical index: the news analyser (as {@code NewsAnalyzer}:
   * standard tokens, possessives dropped, lower case, Lucene's English stop words, Porter), BM25
   * with the configured k1 and b, replicas following the cluster's size. Strict: a field this code
   * does not know is refused. The vector field is mapped by the first write of a vector
   * ({@link #vectorMapping}), as its dimension is the embedding model's.
   */
  static ObjectNode definition(float k1, float b, int shards) {
    ObjectNode root = OpenSearchHttp.JSON.createObjectNode();
    ObjectNode index = root.putObject("settings").putObject("index");
    index.put("number_of_shards", shards);
    index.put("auto_expand_replicas", "0-1");
    index.put("knn", true);
    ObjectNode analysis = index.putObject("analysis");
    ObjectNode filters = analysis.putObject("filter");
    filters.putObject("news_possessive").put("type", "stemmer").put("language", "possessive_english");
    filters.putObject("news_stop").put("type", "stop").put("stopwords", "_english_");
    ObjectNode news = analysis.putObject("analyzer").putObject("news");
    news.put("type", "custom").put("tokenizer", "standard");
    news.putArray("filter").add("news_possessive").add("lowercase").add("news_stop").add("porter_stem");
    index.putObject("similarity").putObject("news_bm25").put("type", "BM25").put("k1", k1).put("b", b);

    ObjectNode mappings = root.putObject("mappings");
    mappings.put("dynamic", "strict");
    ObjectNode p = mappings.putObject("properties");
    keyword(p, KIND);
    p.putObject(GEN_FROM).put("type", "long");
    p.putObject(GEN_TO).put("type", "long");
    keyword(p, PATH);
    keyword(p, ARTICLE_ID);
    stored(p, ORDINAL, "integer");
    text(p, TITLE);
    text(p, TEXT);
    stored(p, URL, "keyword");
    stored(p, PUBLISHED, "keyword");
    stored(p, SOURCE, "keyword");
    stored(p, START, "integer");
    stored(p, END, "integer");
    keyword(p, TEXT_HASH);
    p.putObject(MANIFEST_DATA).put("type", "object").put("enabled", false);
    p.putObject(COMMIT_DATA).put("type", "object").put("enabled", false);
    return root;
  }

  /**
   * The mapping of the passage vectors, {@code dimensions} long: HNSW in the Lucene engine, cosine,
   * 7-bit scalar quantised (the k-NN plugin offers 1 or 7 bits), the raw vectors kept in the source.
   * Putting it again with the same dimension changes nothing; another dimension is refused.
   */
  static ObjectNode vectorMapping(int dimensions) {
    ObjectNode root = OpenSearchHttp.JSON.createObjectNode();
    ObjectNode vector = root.putObject("properties").putObject(VECTOR);
    vector.put("type", "knn_vector").put("dimension", dimensions);
    ObjectNode method = vector.putObject("method");
    method.put("name", "hnsw").put("engine", "lucene").put("space_type", "cosinesimil");
    ObjectNode params = method.putObject("parameters").put("m", 16).put("ef_construction", 100);
    params.putObject("encoder").put("name", "sq").putObject("parameters").put("bits", 7);
    return root;
  }

  private static void keyword(ObjectNode properties, String name) {
    properties.putObject(name).put("type", "keyword");
  }

  /** Kept in the source to be read back, never searched. */
  private static void stored(ObjectNode properties, String name, String type) {
    properties.putObject(name).put("type", type).put("index", false).put("doc_values", false);
  }

  private static void text(ObjectNode properties, String name) {
    properties.putObject(name).put("type", "text").put("analyzer", "news").put("similarity", "news_bm25");
  }

  /**
   * Documents of {@code kind} that the commit of {@code generation} holds: written by it or before,
   * and not replaced or deleted by it or before. Writes of a later, unfinished run stay out.
   */
  static ObjectNode visible(String kind, long generation) {
    ObjectNode bool = OpenSearchHttp.JSON.createObjectNode();
    ObjectNode b = bool.putObject("bool");
    ArrayNode filter = b.putArray("filter");
    filter.add(term(KIND, kind));
    filter.addObject().putObject("range").putObject(GEN_FROM).put("lte", generation);
    ObjectNode alive = filter.addObject().putObject("bool");
    alive.putArray("should")
        .add(notExists(GEN_TO))
        .addObject().putObject("range").putObject(GEN_TO).put("gt", generation);
    alive.put("minimum_should_match", 1);
    return bool;
  }

  static ObjectNode term(String field, String value) {
    ObjectNode q = OpenSearchHttp.JSON.createObjectNode();
    q.putObject("term").put(field, value);
    return q;
  }

  static ObjectNode notExists(String field) {
    ObjectNode q = OpenSearchHttp.JSON.createObjectNode();
    q.putObject("bool").putArray("must_not").addObject().putObject("exists").put("field", field);
    return q;
  }

  /** A bool query that all of {@code filters} must match, without scoring. */
  static ObjectNode allOf(JsonNode... filters) {
    ObjectNode q = OpenSearchHttp.JSON.createObjectNode();
    ArrayNode f = q.putObject("bool").putArray("filter");
    for (JsonNode n : filters) f.add(n);
    return q;
  }
}

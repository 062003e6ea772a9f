package org.newsdesk.retrieval.index.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.newsdesk.config.IndexConfig;
import org.newsdesk.config.RetrievalConfig;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.embed.EmbeddedText;
import org.newsdesk.retrieval.index.CorpusStats;
import org.newsdesk.retrieval.index.FileManifest;
import org.newsdesk.retrieval.index.FileUpdate;
import org.newsdesk.retrieval.index.IndexSignature;
import org.newsdesk.retrieval.index.IndexUnavailableException;
import org.newsdesk.retrieval.index.PassageIndexWriter;
import org.newsdesk.retrieval.index.StoredManifests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reindex run on the cluster (see the package comment): holds the alias's lock, writes the
 * run's documents under the next generation (into the current physical index, or into a new one
 * when it rebuilds), marks replaced and deleted documents with that generation, and at
 * {@link #commit} makes them all visible at once. Closed without commit, it takes its writes back;
 * a killed run's writes are taken back by the next run before it starts.
 */
final class OpenSearchPassageWriter implements PassageIndexWriter {
  private static final Logger log = LoggerFactory.getLogger(OpenSearchPassageWriter.class);
  /** A bulk request goes out when its body reaches this many bytes. */
  private static final int BULK_BYTES = 4 << 20;
  /** Deletions are applied in batches of this many paths. */
  private static final int DELETE_BATCH = 512;
  private static final int PAGE = 1_000;
  private static final Duration RESPONSE_TIMEOUT = Duration.ofMinutes(10);

  private final OpenSearchHttp http;
  private final IndexLayout layout;
  private final ReindexLock lock;
  private final Optional<CommitPoint> last;
  private final long generation;
  private final float k1;
  private final float b;
  private final int shards;
  /** BM25 settings or shards changed: the run rebuilds, starting from no manifests. */
  private final boolean settingsChanged;
  private String target;
  private boolean rebuilding;
  private final Set<String> pendingDeletes = new LinkedHashSet<>();
  private final Set<String> written = ConcurrentHashMap.newKeySet();
  private ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  /** The dimension the target index's vector field was mapped with by this run; 0 before. */
  private volatile int vectorDimensions;
  private boolean committed;

  private OpenSearchPassageWriter(OpenSearchHttp http, IndexLayout layout, ReindexLock lock,
                                  Optional<CommitPoint> last, RetrievalConfig retrieval) {
    this.http = http;
    this.layout = layout;
    this.lock = lock;
    this.last = last;
    this.generation = last.map(CommitPoint::generation).orElse(0L) + 1;
    this.k1 = retrieval.k1();
    this.b = retrieval.b();
    this.shards = http.config().shards();
    this.settingsChanged = last.isPresent()
        && (last.get().k1() != k1 || last.get().b() != b || last.get().shards() != shards);
  }

  /**
   * Takes the lock, reads the last commit and takes back what a killed run left; a first run, or
   * one whose BM25 settings or shard count changed, builds a new physical index.
   */
  static OpenSearchPassageWriter open(IndexConfig.OpenSearch config, RetrievalConfig retrieval, Duration lease)
      throws IOException {
    OpenSearchHttp http = OpenSearchHttp.open(config, RESPONSE_TIMEOUT);
    IndexLayout layout = new IndexLayout(config.index());
    ReindexLock lock = null;
    try {
      lock = ReindexLock.acquire(http, layout, lease);
      Optional<CommitPoint> last = OpenSearchPassageIndex.readCommit(http, layout);
      OpenSearchPassageWriter w = new OpenSearchPassageWriter(http, layout, lock, last, retrieval);
      w.start();
      return w;
    } catch (IOException | RuntimeException e) {
      if (lock != null) lock.close();
      http.close();
      throw e;
    }
  }

  private void start() throws IOException {
    for (String orphan : physicalIndexes()) {
      if (last.isPresent() && orphan.equals(last.get().index())) continue;
      log.atInfo().addKeyValue("index", orphan).log("deleting an index no commit points to");
      http.send("DELETE", "/" + orphan).ok("delete the unfinished index " + orphan);
    }
    if (last.isPresent()) {
      String index = last.get().index();
      long committed = last.get().generation();
      // A killed run's writes and marks, then what the last commit made dead for every reader.
      deleteByQuery(index, range(IndexLayout.GEN_FROM, "gt", committed));
      unmark(index, committed);
      deleteByQuery(index, range(IndexLayout.GEN_TO, "lte", committed));
    }
    if (last.isEmpty() || settingsChanged) {
      startRebuild();
    } else {
      target = last.get().index();
    }
  }

  private List<String> physicalIndexes() throws IOException {
    JsonNode rows = http.send("GET", "/_cat/indices/" + layout.alias() + "-*",
        Map.of("format", "json", "h", "index", "expand_wildcards", "all"), Optional.empty()).ok("list the indexes");
    List<String> names = new ArrayList<>();
    for (JsonNode row : rows) {
      String name = row.path("index").asText();
      if (layout.isPhysical(name)) names.add(name);
    }
    return names;
  }

  private void startRebuild() throws IOException {
    if (rebuilding) http.send("DELETE", "/" + target).ok("drop the unfinished rebuild " + target);
    target = layout.physical(generation);
    http.send("PUT", "/" + target, IndexLayout.definition(k1, b, shards)).ok("create the index " + target);
    rebuilding = true;
    vectorDimensions = 0;
    written.clear();
    synchronized (pendingDeletes) {
      pendingDeletes.clear();
    }
  }

  @Override
  public StoredManifests manifests() throws IOException {
    if (last.isEmpty() || settingsChanged) return StoredManifests.of(Map.of());
    Map<String, FileManifest> out = new HashMap<>();
    JsonNode after = null;
    while (true) {
      ObjectNode search = OpenSearchHttp.JSON.createObjectNode();
      search.put("size", PAGE);
      search.put("track_total_hits", false);
      search.set("query", IndexLayout.visible(IndexLayout.MANIFEST, last.get().generation()));
      search.putArray("_source").add(IndexLayout.MANIFEST_DATA);
      search.putArray("sort").addObject().put(IndexLayout.PATH, "asc");
      if (after != null) search.set("search_after", after);
      JsonNode hits = http.send("POST", "/" + last.get().index() + "/_search", search)
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

  @Override
  public IndexSignature signature() {
    return last.map(CommitPoint::signature).orElse(IndexSignature.NONE);
  }

  @Override
  public Map<String, float[]> vectors(Collection<String> textHashes) throws IOException {
    Map<String, float[]> out = new HashMap<>();
    if (last.isEmpty() || textHashes.isEmpty()) return out;
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
      search.set("query", IndexLayout.allOf(IndexLayout.visible(IndexLayout.PASSAGE, last.get().generation()),
          terms, hasVector));
      search.putObject("collapse").put("field", IndexLayout.TEXT_HASH);
      search.putArray("_source").add(IndexLayout.TEXT_HASH).add(IndexLayout.VECTOR);
      JsonNode hits = http.send("POST", "/" + last.get().index() + "/_search", search)
          .ok("read stored vectors").path("hits").path("hits");
      for (JsonNode hit : hits) {
        JsonNode source = hit.path("_source");
        out.put(source.path(IndexLayout.TEXT_HASH).asText(), PassageJson.vector(source));
      }
    }
    return out;
  }

  @Override
  public void deleteAll() throws IOException {
    startRebuild();
  }

  @Override
  public void delete(String path) throws IOException {
    if (written.remove(path)) deleteByQuery(target, IndexLayout.allOf(IndexLayout.term(IndexLayout.PATH, path),
        range(IndexLayout.GEN_FROM, "gte", generation)));
    if (rebuilding) return;
    List<String> batch = null;
    synchronized (pendingDeletes) {
      pendingDeletes.add(path);
      if (pendingDeletes.size() >= DELETE_BATCH) {
        batch = List.copyOf(pendingDeletes);
        pendingDeletes.clear();
      }
    }
    if (batch != null) mark(batch);
  }

  /** Marks the committed documents of {@code paths} as ended by this run's generation. */
  private void mark(List<String> paths) throws IOException {
    ObjectNode byPath = OpenSearchHttp.JSON.createObjectNode();
    ArrayNode values = byPath.putObject("terms").putArray(IndexLayout.PATH);
    paths.forEach(values::add);
    ObjectNode body = OpenSearchHttp.JSON.createObjectNode();
    body.set("query", IndexLayout.allOf(byPath, range(IndexLayout.GEN_FROM, "lt", generation),
        IndexLayout.notExists(IndexLayout.GEN_TO)));
    ObjectNode script = body.putObject("script");
    script.put("lang", "painless").put("source", "ctx._source." + IndexLayout.GEN_TO + " = params.generation");
    script.putObject("params").put("generation", generation);
    byQuery("_update_by_query", target, body, "mark deleted passages");
  }

  /** Takes back the marks of runs after {@code committed}: their documents are alive again. */
  private void unmark(String index, long committed) throws IOException {
    ObjectNode body = OpenSearchHttp.JSON.createObjectNode();
    body.set("query", range(IndexLayout.GEN_TO, "gt", committed));
    body.putObject("script").put("lang", "painless").put("source", "ctx._source.remove('" + IndexLayout.GEN_TO + "')");
    byQuery("_update_by_query", index, body, "take back an unfinished run's deletions");
  }

  private void deleteByQuery(String index, ObjectNode query) throws IOException {
    ObjectNode body = OpenSearchHttp.JSON.createObjectNode();
    body.set("query", query);
    byQuery("_delete_by_query", index, body, "delete passages");
  }

  private void byQuery(String api, String index, ObjectNode body, String action) throws IOException {
    JsonNode reply = http.send("POST", "/" + index + "/" + api,
        Map.of("conflicts", "proceed", "refresh", "true", "wait_for_completion", "true"), Optional.of(body))
        .ok(action);
    if (reply.path("failures").size() > 0) {
      throw new IOException("OpenSearch could not " + action + " in " + index + ": " + reply.path("failures").get(0));
    }
  }

  private static ObjectNode range(String field, String op, long value) {
    ObjectNode q = OpenSearchHttp.JSON.createObjectNode();
    q.putObject("range").putObject(field).put(op, value);
    return q;
  }

  @Override
  public void write(FileUpdate update) throws IOException {
    written.add(update.path());
    // Ids made of the generation, the file and the place in it: a bulk repeated after a push-back
    // writes the same documents again instead of copies.
    String prefix = generation + "-" + EmbeddedText.hash(update.path()) + "-";
    List<Passage> passages = update.passages();
    if (!update.vectors().isEmpty()) mapVectors(update.vectors().get(0).length);
    for (int i = 0; i < passages.size(); i++) {
      float[] vector = update.vectors().isEmpty() ? null : update.vectors().get(i);
      add(prefix + i, update.path(), PassageJson.encode(passages.get(i), update.path(), generation, vector));
    }
    if (update.manifest().isPresent()) {
      ObjectNode doc = OpenSearchHttp.JSON.createObjectNode();
      doc.put(IndexLayout.KIND, IndexLayout.MANIFEST);
      doc.put(IndexLayout.GEN_FROM, generation);
      doc.put(IndexLayout.PATH, update.path());
      doc.set(IndexLayout.MANIFEST_DATA, ManifestJson.encode(update.manifest().get()));
      add(prefix + "manifest", update.path(), doc);
    }
  }

  /**
   * Maps the vector field of the target index with the embedding model's dimension before the
   * first vector goes out (the mapping is strict). An index whose vectors have another dimension
   * refuses it, and the run stops there.
   */
  private void mapVectors(int dimensions) throws IOException {
    if (vectorDimensions == dimensions) return;
    synchronized (this) {
      if (vectorDimensions == dimensions) return;
      http.send("PUT", "/" + target + "/_mapping", IndexLayout.vectorMapping(dimensions))
          .ok("map vectors of " + dimensions + " dimensions in " + target);
      vectorDimensions = dimensions;
    }
  }

  /**
   * Buffers an index action, routed by the file's path so a file's documents share a shard, and
   * sends the buffer once it is full (a file of many articles goes out in several requests).
   */
  private void add(String id, String path, ObjectNode source) throws IOException {
    ObjectNode action = OpenSearchHttp.JSON.createObjectNode();
    action.putObject("index").put("_index", target).put("_id", id).put("routing", path);
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

  private void send(byte[] ndjson) throws IOException {
    JsonNode reply = http.bulk(ndjson).ok("write passages");
    if (!reply.path("errors").asBoolean()) return;
    for (JsonNode item : reply.path("items")) {
      JsonNode error = item.path("index").path("error");
      if (!error.isMissingNode()) {
        throw new IOException("OpenSearch refused a document in " + target + ": " + error.path("type").asText()
            + ": " + error.path("reason").asText());
      }
    }
  }

  @Override
  public void flushBuffers() throws IOException {
    byte[] rest;
    synchronized (this) {
      if (buffer.size() == 0) return;
      rest = buffer.toByteArray();
      buffer = new ByteArrayOutputStream();
    }
    send(rest);
  }

  @Override
  public void commit(CorpusStats stats, IndexSignature signature) throws IOException {
    flushBuffers();
    List<String> deletes;
    synchronized (pendingDeletes) {
      deletes = List.copyOf(pendingDeletes);
      pendingDeletes.clear();
    }
    for (int from = 0; from < deletes.size(); from += DELETE_BATCH) {
      mark(deletes.subList(from, Math.min(deletes.size(), from + DELETE_BATCH)));
    }
    http.send("POST", "/" + target + "/_refresh").ok("refresh " + target);
    lock.check();
    CommitPoint point = new CommitPoint(target, generation, stats, signature, k1, b, shards);
    http.send("PUT", "/" + target + "/_doc/" + IndexLayout.COMMIT_ID, Map.of("refresh", "true"),
        Optional.of(point.toDocument())).ok("commit " + target);
    if (rebuilding) swapAlias();
    committed = true;
    log.atInfo().addKeyValue("index", target).addKeyValue("generation", generation)
        .addKeyValue("rebuilt", rebuilding).log("opensearch commit");
  }

  /** Points the alias at the rebuilt index in one request, then drops the index it pointed at. */
  private void swapAlias() throws IOException {
    ObjectNode body = OpenSearchHttp.JSON.createObjectNode();
    ArrayNode actions = body.putArray("actions");
    last.ifPresent(c -> actions.addObject().putObject("remove").put("index", c.index()).put("alias", layout.alias()));
    actions.addObject().putObject("add").put("index", target).put("alias", layout.alias());
    http.send("POST", "/_aliases", body).ok("point " + layout.alias() + " at " + target);
    if (last.isPresent()) {
      // Readers still on the old index find it gone, move to the new commit and search again.
      http.send("DELETE", "/" + last.get().index()).ok("delete the replaced index " + last.get().index());
    }
  }

  /** Stops without taking anything back or releasing the lock: what a killed process leaves (tests only). */
  void abandon() throws IOException {
    lock.abandon();
    http.close();
  }

  @Override
  public void close() throws IOException {
    try {
      if (!committed) rollBack();
    } finally {
      lock.close();
      http.close();
    }
  }

  private void rollBack() {
    try {
      if (rebuilding) {
        http.send("DELETE", "/" + target).ok("drop the unfinished index " + target);
      } else {
        deleteByQuery(target, range(IndexLayout.GEN_FROM, "gte", generation));
        unmark(target, generation - 1);
      }
    } catch (IOException | IndexUnavailableException e) {
      log.atWarn().addKeyValue("index", target).addKeyValue("error", e.getMessage())
          .log("unfinished reindex not taken back; the next run does it");
    }
  }
}

package org.newsdesk.retrieval.index.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
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
 * a killed run's writes are taken back by the next run before it starts. The indexes and the alias
 * are managed by {@link IndexAdmin}, documents go out through {@link BulkBuffer}, marks are changed
 * by {@link GenerationMarks}, and the last commit is read by {@link CommittedDocuments}.
 */
final class OpenSearchPassageWriter implements PassageIndexWriter {
  private static final Logger log = LoggerFactory.getLogger(OpenSearchPassageWriter.class);
  /** Deletions are applied in batches of this many paths. */
  private static final int DELETE_BATCH = 512;
  private static final Duration RESPONSE_TIMEOUT = Duration.ofMinutes(10);

  private final OpenSearchHttp http;
  private final IndexLayout layout;
  private final ReindexLock lock;
  private final IndexAdmin indexes;
  private final GenerationMarks marks;
  private final BulkBuffer bulk;
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
  /** The dimension the target index's vector field was mapped with by this run; 0 before. */
  private volatile int vectorDimensions;
  private boolean committed;

  private OpenSearchPassageWriter(OpenSearchHttp http, IndexLayout layout, ReindexLock lock,
                                  Optional<CommitPoint> last, RetrievalConfig retrieval) {
    this.http = http;
    this.layout = layout;
    this.lock = lock;
    this.indexes = new IndexAdmin(http, layout);
    this.marks = new GenerationMarks(http);
    this.bulk = new BulkBuffer(http);
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
    for (String orphan : indexes.physicalIndexes()) {
      if (last.isPresent() && orphan.equals(last.get().index())) continue;
      log.atInfo().addKeyValue("index", orphan).log("deleting an index no commit points to");
      indexes.drop(orphan, "delete the unfinished index " + orphan);
    }
    if (last.isPresent()) {
      String index = last.get().index();
      long committed = last.get().generation();
      // A killed run's writes and marks, then what the last commit made dead for every reader.
      marks.delete(index, GenerationMarks.range(IndexLayout.GEN_FROM, "gt", committed));
      marks.unmarkAfter(index, committed);
      marks.delete(index, GenerationMarks.range(IndexLayout.GEN_TO, "lte", committed));
    }
    if (last.isEmpty() || settingsChanged) {
      startRebuild();
    } else {
      target = last.get().index();
    }
  }

  private void startRebuild() throws IOException {
    if (rebuilding) indexes.drop(target, "drop the unfinished rebuild " + target);
    target = layout.physical(generation);
    indexes.create(target, k1, b, shards);
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
    return new CommittedDocuments(http, last.get()).manifests();
  }

  @Override
  public IndexSignature signature() {
    return last.map(CommitPoint::signature).orElse(IndexSignature.NONE);
  }

  @Override
  public Map<String, float[]> vectors(Collection<String> textHashes) throws IOException {
    if (last.isEmpty() || textHashes.isEmpty()) return new HashMap<>();
    return new CommittedDocuments(http, last.get()).vectors(textHashes);
  }

  @Override
  public void deleteAll() throws IOException {
    startRebuild();
  }

  @Override
  public void delete(String path) throws IOException {
    if (written.remove(path)) marks.delete(target, IndexLayout.allOf(IndexLayout.term(IndexLayout.PATH, path),
        GenerationMarks.range(IndexLayout.GEN_FROM, "gte", generation)));
    if (rebuilding) return;
    List<String> batch = null;
    synchronized (pendingDeletes) {
      pendingDeletes.add(path);
      if (pendingDeletes.size() >= DELETE_BATCH) {
        batch = List.copyOf(pendingDeletes);
        pendingDeletes.clear();
      }
    }
    if (batch != null) marks.end(target, batch, generation);
  }

  @Override
  public void write(FileUpdate update) throws IOException {
    written.add(update.path());
    // Ids made of the generation, the file and the place in it: a bulk repeated after a push-back
    // writes the same documents again instead of copies. Routed by the file's path, so a file's
    // documents share a shard.
    String prefix = generation + "-" + EmbeddedText.hash(update.path()) + "-";
    List<Passage> passages = update.passages();
    if (!update.vectors().isEmpty()) mapVectors(update.vectors().get(0).length);
    for (int i = 0; i < passages.size(); i++) {
      float[] vector = update.vectors().isEmpty() ? null : update.vectors().get(i);
      ObjectNode doc = PassageJson.encode(passages.get(i), update.path(), generation, vector);
      bulk.add(target, prefix + i, update.path(), doc);
    }
    if (update.manifest().isPresent()) {
      ObjectNode doc = OpenSearchHttp.JSON.createObjectNode();
      doc.put(IndexLayout.KIND, IndexLayout.MANIFEST);
      doc.put(IndexLayout.GEN_FROM, generation);
      doc.put(IndexLayout.PATH, update.path());
      doc.set(IndexLayout.MANIFEST_DATA, ManifestJson.encode(update.manifest().get()));
      bulk.add(target, prefix + "manifest", update.path(), doc);
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
      indexes.mapVectors(target, dimensions);
      vectorDimensions = dimensions;
    }
  }

  @Override
  public void flushBuffers() throws IOException {
    bulk.flush();
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
      marks.end(target, deletes.subList(from, Math.min(deletes.size(), from + DELETE_BATCH)), generation);
    }
    indexes.refresh(target);
    lock.check();
    CommitPoint point = new CommitPoint(target, generation, stats, signature, k1, b, shards);
    http.send("PUT", "/" + target + "/_doc/" + IndexLayout.COMMIT_ID, Map.of("refresh", "true"),
        Optional.of(point.toDocument())).ok("commit " + target);
    if (rebuilding) indexes.swapAlias(last.map(CommitPoint::index), target);
    committed = true;
    log.atInfo().addKeyValue("index", target).addKeyValue("generation", generation)
        .addKeyValue("rebuilt", rebuilding).log("opensearch commit");
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
        indexes.drop(target, "drop the unfinished index " + target);
      } else {
        marks.delete(target, GenerationMarks.range(IndexLayout.GEN_FROM, "gte", generation));
        marks.unmarkAfter(target, generation - 1);
      }
    } catch (IOException | IndexUnavailableException e) {
      log.atWarn().addKeyValue("index", target).addKeyValue("error", e.getMessage())
          .log("unfinished reindex not taken back; the next run does it");
    }
  }
}

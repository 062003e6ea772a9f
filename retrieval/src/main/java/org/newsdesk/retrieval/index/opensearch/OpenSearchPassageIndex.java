package org.newsdesk.retrieval.index.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.newsdesk.config.IndexConfig;
import org.newsdesk.config.RetrievalConfig;
import org.newsdesk.retrieval.index.CorpusStats;
import org.newsdesk.retrieval.index.IndexSignature;
import org.newsdesk.retrieval.index.IndexUnavailableException;
import org.newsdesk.retrieval.index.PassageIndex;
import org.newsdesk.retrieval.index.PassageIndexWriter;
import org.newsdesk.retrieval.index.PassageRankings;
import org.newsdesk.retrieval.index.WholePassageRankings;
import org.newsdesk.retrieval.search.ScoredPassage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The passage index on an OpenSearch cluster. A background thread reads the commit document
 * behind the alias every {@link RetrievalConfig#refreshInterval()}, so every process using the
 * same cluster and alias sees a reindex made by any of them within that interval. Searches run
 * against the physical index and generation of the commit last read, so a search never mixes two
 * commits. When the cluster cannot be reached, searches throw {@link IndexUnavailableException}
 * and the same object serves again as soon as the cluster answers; it starts even while the
 * cluster is down.
 */
public final class OpenSearchPassageIndex implements PassageIndex {
  private static final Logger log = LoggerFactory.getLogger(OpenSearchPassageIndex.class);
  /** How long a search may take before the cluster counts as unavailable. */
  private static final Duration SEARCH_TIMEOUT = Duration.ofSeconds(10);
  /** How many more candidates than asked the quantised graph gives to exact rescoring. */
  private static final double RESCORE_OVERSAMPLING = 2.0;
  /** How long an abandoned reindex lock blocks the next run. */
  static final Duration LEASE = Duration.ofSeconds(60);

  private final IndexConfig.OpenSearch config;
  private final RetrievalConfig retrieval;
  private final Duration lease;
  private final OpenSearchHttp http;
  private final IndexLayout layout;
  private final LexicalQuery lexical;
  private final ScheduledExecutorService refresher;
  /** The commit searched: null until the cluster first answered, empty while there is no index. */
  private volatile Optional<CommitPoint> current;
  private volatile boolean reachable = true;

  OpenSearchPassageIndex(IndexConfig.OpenSearch config, RetrievalConfig retrieval, Duration lease) {
    this.config = config;
    this.retrieval = retrieval;
    this.lease = lease;
    this.http = OpenSearchHttp.open(config, SEARCH_TIMEOUT);
    this.layout = new IndexLayout(config.index());
    this.lexical = new LexicalQuery(retrieval);
    try {
      refresh();
    } catch (IndexUnavailableException | UncheckedIOException e) {
      // Said by the first use, which fails the same way; the refresher logs when it comes back.
      reachable = false;
    }
    this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "opensearch-refresh");
      t.setDaemon(true);
      return t;
    });
    long ms = retrieval.refreshInterval().toMillis();
    refresher.scheduleWithFixedDelay(this::refreshQuietly, ms, ms, TimeUnit.MILLISECONDS);
  }

  /** The index behind {@code config}'s alias; the cluster may be down, it is asked again on every use. */
  public static OpenSearchPassageIndex open(IndexConfig.OpenSearch config, RetrievalConfig retrieval) {
    return new OpenSearchPassageIndex(config, retrieval, LEASE);
  }

  /** The cluster and alias, for messages: {@code http://127.0.0.1:9200 (index newsdesk-passages)}. */
  public String where() {
    return http.where();
  }

  @Override
  public boolean hasIndex() {
    return commit().isPresent();
  }

  @Override
  public void refresh() {
    try {
      current = readCommit(http, layout);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void refreshQuietly() {
    try {
      refresh();
      if (!reachable) log.atInfo().addKeyValue("index", where()).log("passage index reachable again");
      reachable = true;
    } catch (IndexUnavailableException | UncheckedIOException e) {
      if (reachable) log.atWarn().addKeyValue("error", e.getMessage()).log("passage index unavailable");
      reachable = false;
    }
  }

  /** The commit to search: the last one read, or read now when the cluster has not answered yet. */
  private Optional<CommitPoint> commit() {
    Optional<CommitPoint> c = current;
    if (c == null) {
      refresh();
      c = current;
    }
    return c;
  }

  /**
   * The commit behind the alias, read in real time; empty when there is none yet.
   *
   * @throws IOException when the alias names an index that is not Newsdesk's
   */
  static Optional<CommitPoint> readCommit(OpenSearchHttp http, IndexLayout layout) throws IOException {
    OpenSearchHttp.Reply reply = http.send("GET", "/" + layout.alias() + "/_doc/" + IndexLayout.COMMIT_ID);
    if (reply.is(404)) return Optional.empty();
    JsonNode doc = reply.ok("read the commit of " + layout.alias());
    String index = doc.path("_index").asText();
    if (!layout.isPhysical(index)) {
      throw new IOException(layout.alias() + " on " + http.where() + " is the index " + index
          + ", not an alias of Newsdesk's; choose another newsdesk.index.opensearch.index");
    }
    return Optional.of(CommitPoint.fromDocument(index, doc.path("_source")));
  }

  /** Each search's reply holds its passages' sources: the view keeps them, and reads nothing more. */
  @Override
  public PassageRankings rankings() {
    return new WholePassageRankings(this::lexical, this::nearest);
  }

  @Override
  public List<ScoredPassage> lexical(String question, int limit) {
    if (limit < 1) throw new IllegalArgumentException("limit must be >= 1, got " + limit);
    Optional<ObjectNode> scoring = lexical.build(question);
    if (scoring.isEmpty()) return List.of();
    return search(limit, c -> {
      ObjectNode query = scoring.get().deepCopy();
      ((ArrayNode) query.path("bool").withArray("filter")).add(IndexLayout.visible(IndexLayout.PASSAGE, c.generation()));
      return query;
    });
  }

  @Override
  public List<ScoredPassage> nearest(float[] vector, int limit) {
    if (limit < 1) throw new IllegalArgumentException("limit must be >= 1, got " + limit);
    return search(limit, c -> {
      ObjectNode query = OpenSearchHttp.JSON.createObjectNode();
      ObjectNode knn = query.putObject("knn").putObject(IndexLayout.VECTOR);
      ArrayNode v = knn.putArray("vector");
      for (float x : vector) v.add(x);
      knn.put("k", limit);
      // An index written without vectors has no vector field: it holds nothing near anything.
      knn.put("ignore_unmapped", true);
      // The 7-bit graph finds twice the candidates; their raw vectors (kept beside the quantised
      // ones) score them exactly, so near neighbours come in the model's own order, as on Lucene.
      knn.putObject("rescore").put("oversample_factor", RESCORE_OVERSAMPLING);
      knn.set("filter", IndexLayout.visible(IndexLayout.PASSAGE, c.generation()));
      return query;
    });
  }

  /**
   * Runs the query that {@code query} builds for a commit. A commit whose index was replaced in
   * the meantime (a rebuild swapped the alias) is read again and the search retried once.
   */
  private List<ScoredPassage> search(int limit, Function<CommitPoint, ObjectNode> query) {
    for (int attempt = 0; ; attempt++) {
      Optional<CommitPoint> c = commit();
      if (c.isEmpty()) return List.of();
      ObjectNode body = OpenSearchHttp.JSON.createObjectNode();
      body.put("size", limit);
      body.put("track_total_hits", false);
      body.set("query", query.apply(c.get()));
      body.putObject("_source").putArray("excludes").add(IndexLayout.VECTOR);
      OpenSearchHttp.Reply reply = http.send("POST", "/" + c.get().index() + "/_search", body);
      if (reply.is(404) && attempt == 0) {
        refresh();
        continue;
      }
      try {
        JsonNode hits = reply.ok("search " + c.get().index()).path("hits").path("hits");
        List<ScoredPassage> out = new ArrayList<>(hits.size());
        for (JsonNode hit : hits) {
          out.add(new ScoredPassage(PassageJson.decode(hit.path("_source")), (float) hit.path("_score").asDouble()));
        }
        return out;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public CorpusStats stats() {
    return commit().map(CommitPoint::stats).orElse(CorpusStats.EMPTY);
  }

  @Override
  public IndexSignature signature() {
    return commit().map(CommitPoint::signature).orElse(IndexSignature.NONE);
  }

  @Override
  public PassageIndexWriter writer() throws IOException {
    return OpenSearchPassageWriter.open(config, retrieval, lease);
  }

  @Override
  public void close() throws IOException {
    refresher.shutdownNow();
    http.close();
  }

  /** {@code OpenSearch index at http://127.0.0.1:9200 (index newsdesk-passages)}: how messages name it. */
  @Override
  public String toString() {
    return "OpenSearch index at " + where();
  }
}

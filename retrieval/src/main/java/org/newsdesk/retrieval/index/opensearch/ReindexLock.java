package org.newsdesk.retrieval.index.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.newsdesk.retrieval.index.IndexUnavailableException;
import org.newsdesk.retrieval.index.ReindexBusyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reindex at a time per alias, across machines: a lease document in the lock index, created
 * only if absent, renewed every third of the lease by a daemon thread, and deleted on release. A
 * lease not renewed for {@code lease} (its process was killed) is taken over by the next run. Each
 * change is conditional on the document's sequence number, so two runs never both hold it; a run
 * that finds its lease taken over learns it at {@link #check} and does not commit.
 */
final class ReindexLock implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReindexLock.class);
  private static final String ID = "reindex";

  private final OpenSearchHttp http;
  private final String index;
  private final Duration lease;
  private final String owner = UUID.randomUUID().toString();
  private final ScheduledExecutorService renewer;
  private long seqNo;
  private long primaryTerm;
  private volatile String lost;

  private ReindexLock(OpenSearchHttp http, String index, Duration lease) {
    this.http = http;
    this.index = index;
    this.lease = lease;
    this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "reindex-lease");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Takes the lock of {@code layout}'s alias, or fails.
   *
   * @throws ReindexBusyException when another run holds a lease that is still renewed
   */
  static ReindexLock acquire(OpenSearchHttp http, IndexLayout layout, Duration lease) throws IOException {
    ReindexLock lock = new ReindexLock(http, layout.lockIndex(), lease);
    lock.take();
    long every = Math.max(1, lease.toMillis() / 3);
    lock.renewer.scheduleWithFixedDelay(lock::renew, every, every, TimeUnit.MILLISECONDS);
    return lock;
  }

  private void take() throws IOException {
    OpenSearchHttp.Reply exists = http.send("HEAD", "/" + index);
    if (exists.is(404)) {
      ObjectNode settings = OpenSearchHttp.JSON.createObjectNode();
      settings.putObject("settings").putObject("index").put("number_of_shards", 1).put("auto_expand_replicas", "0-1");
      OpenSearchHttp.Reply created = http.send("PUT", "/" + index, settings);
      if (!created.is(400) || !OpenSearchHttp.errorType(created.body()).equals("resource_already_exists_exception")) {
        created.ok("create the lock index " + index);
      }
    }
    for (int attempt = 0; attempt < 2; attempt++) {
      OpenSearchHttp.Reply put = http.send("PUT", "/" + index + "/_create/" + ID, Map.of("refresh", "true"),
          Optional.of(leaseDocument()));
      if (!put.is(409)) {
        remember(put.ok("take the reindex lock"));
        return;
      }
      OpenSearchHttp.Reply held = http.send("GET", "/" + index + "/_doc/" + ID);
      if (held.is(404)) continue; // released in between: try again
      JsonNode doc = held.ok("read the reindex lock");
      long renewed = doc.path("_source").path("renewed_at").asLong();
      if (System.currentTimeMillis() - renewed < lease.toMillis()) {
        throw new ReindexBusyException(http.where(), new IllegalStateException("held by "
            + doc.path("_source").path("holder").asText("?") + ", renewed " + Instant.ofEpochMilli(renewed)));
      }
      log.atWarn().addKeyValue("holder", doc.path("_source").path("holder").asText("?"))
          .addKeyValue("renewedAt", Instant.ofEpochMilli(renewed)).log("taking over an abandoned reindex lock");
      http.send("DELETE", "/" + index + "/_doc/" + ID, Map.of("if_seq_no", doc.path("_seq_no").asText(),
          "if_primary_term", doc.path("_primary_term").asText()), Optional.empty());
    }
    throw new ReindexBusyException(http.where(), new IllegalStateException("the lock changed hands while taking it"));
  }

  private ObjectNode leaseDocument() {
    ObjectNode doc = OpenSearchHttp.JSON.createObjectNode();
    doc.put("owner", owner);
    doc.put("holder", holder());
    doc.put("renewed_at", System.currentTimeMillis());
    return doc;
  }

  private synchronized void remember(JsonNode reply) {
    seqNo = reply.path("_seq_no").asLong();
    primaryTerm = reply.path("_primary_term").asLong();
  }

  private synchronized void renew() {
    if (lost != null) return;
    try {
      OpenSearchHttp.Reply put = http.send("PUT", "/" + index + "/_doc/" + ID,
          Map.of("if_seq_no", Long.toString(seqNo), "if_primary_term", Long.toString(primaryTerm)),
          Optional.of(leaseDocument()));
      if (put.is(409) || put.is(404)) {
        lost = "another run took the reindex lock over";
        return;
      }
      remember(put.ok("renew the reindex lock"));
    } catch (IndexUnavailableException | IOException e) {
      // A short outage: the next renewal tries again; a long one lets the lease expire, and check() says so.
      log.atWarn().addKeyValue("index", index).addKeyValue("error", e.getMessage()).log("reindex lease not renewed");
    }
  }

  /** Fails when the lease was lost (taken over by another run after it expired): this run must not commit. */
  synchronized void check() throws IOException {
    if (lost != null) throw new IOException(lost + " on " + http.where() + "; nothing was committed");
  }

  /** Stops renewing without releasing: what a killed process leaves behind (for tests of the takeover). */
  void abandon() {
    renewer.shutdownNow();
  }

  @Override
  public synchronized void close() {
    renewer.shutdownNow();
    if (lost != null) return;
    try {
      http.send("DELETE", "/" + index + "/_doc/" + ID, Map.of("if_seq_no", Long.toString(seqNo),
          "if_primary_term", Long.toString(primaryTerm), "refresh", "true"), Optional.empty());
    } catch (IndexUnavailableException e) {
      log.atWarn().addKeyValue("index", index).addKeyValue("error", e.getMessage())
          .log("reindex lock not released; the next run takes it over when its lease expires");
    }
  }

  private static String holder() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "host";
    }
    return host + " pid " + ProcessHandle.current().pid();
  }
}

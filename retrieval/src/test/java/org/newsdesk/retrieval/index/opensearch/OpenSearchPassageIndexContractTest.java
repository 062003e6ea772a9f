package org.newsdesk.retrieval.index.opensearch;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.newsdesk.config.RetrievalConfig;
import org.newsdesk.retrieval.index.PassageIndex;
import org.newsdesk.retrieval.index.PassageIndexContract;
import org.newsdesk.retrieval.index.PassageIndexWriter;

/** The backend contract on a real OpenSearch cluster ({@link TestCluster}). */
class OpenSearchPassageIndexContractTest extends PassageIndexContract {
  /** Short, so a test that kills a run does not wait a minute for its lock. */
  private static final Duration LEASE = Duration.ofMillis(600);

  private final String alias = TestCluster.newAlias();
  private RetrievalConfig retrieval;

  @Override
  protected PassageIndex newIndex(RetrievalConfig retrieval) {
    this.retrieval = retrieval;
    return new OpenSearchPassageIndex(TestCluster.config(alias), retrieval, LEASE);
  }

  @Override
  protected PassageIndex anotherHandle() {
    return new OpenSearchPassageIndex(TestCluster.config(alias), retrieval, LEASE);
  }

  @Override
  protected void crash(PassageIndexWriter writer) throws IOException {
    ((OpenSearchPassageWriter) writer).abandon();
    try {
      Thread.sleep(LEASE.toMillis() + 200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  protected String where() {
    return "OpenSearch index at " + TestCluster.url() + " (index " + alias + ")";
  }

  @AfterEach
  void dropIndexes() throws Exception {
    TestCluster.drop(alias);
  }
}

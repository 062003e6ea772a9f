package org.newsdesk.retrieval.index;

import java.io.IOException;
import java.nio.file.Path;
import org.newsdesk.config.RetrievalConfig;

/** The backend contract on the embedded Lucene index, in a folder of the test's own. */
class LucenePassageIndexContractTest extends PassageIndexContract {
  private RetrievalConfig retrieval;

  private Path indexDir() {
    return tmp.resolve("data/index");
  }

  @Override
  protected PassageIndex newIndex(RetrievalConfig retrieval) throws IOException {
    this.retrieval = retrieval;
    return new LucenePassageIndex(indexDir(), retrieval);
  }

  @Override
  protected PassageIndex anotherHandle() throws IOException {
    return new LucenePassageIndex(indexDir(), retrieval);
  }

  /** Closed without commit, Lucene's writer rolls back and releases its lock, as a killed process's lock is released. */
  @Override
  protected void crash(PassageIndexWriter writer) throws IOException {
    writer.close();
  }

  @Override
  protected String where() {
    return "Lucene index at " + indexDir();
  }
}

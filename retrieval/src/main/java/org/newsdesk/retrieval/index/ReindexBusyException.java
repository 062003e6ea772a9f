package org.newsdesk.retrieval.index;

import java.nio.file.Path;

/** Another reindex holds the index's write lock; nothing was changed. */
public final class ReindexBusyException extends RuntimeException {
  public ReindexBusyException(Path indexDir, Throwable cause) {
    this(indexDir.toString(), cause);
  }

  /** {@code where} names the index: a folder, or a cluster's URL and index name. */
  public ReindexBusyException(String where, Throwable cause) {
    super("another reindex is running on " + where + "; try again when it has finished", cause);
  }
}

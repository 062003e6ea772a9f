package org.newsdesk.retrieval.index;

import java.nio.file.Path;

/** Another reindex holds the index's write lock; nothing was changed. */
public final class ReindexBusyException extends RuntimeException {
  public ReindexBusyException(Path indexDir, Throwable cause) {
    super("another reindex is running on " + indexDir + "; try again when it has finished", cause);
  }
}

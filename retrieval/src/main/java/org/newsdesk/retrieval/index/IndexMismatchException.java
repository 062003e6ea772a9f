package org.newsdesk.retrieval.index;

/**
 * The index was built otherwise than this configuration searches it (another embedding model, or
 * no vectors while dense retrieval is on); the message says how it was built and how to rebuild it.
 */
public final class IndexMismatchException extends RuntimeException {
  public IndexMismatchException(String message) {
    super(message);
  }
}

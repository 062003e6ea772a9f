package org.newsdesk.retrieval.index;

import java.nio.file.Path;
import org.newsdesk.config.IngestConfig;

/** A reindex in its own JVM, for the kill test: prints progress and slows down once writing starts. */
public final class ReindexChild {
  private ReindexChild() {}

  public static void main(String[] args) throws Exception {
    ArticleIndexer indexer = new ArticleIndexer(Path.of(args[1]), IngestConfig.defaults(), 1, 4);
    ReindexReport report = indexer.reindex(Path.of(args[0]), line -> {
      System.out.println(line);
      System.out.flush();
      if (line.startsWith("indexed")) {
        try {
          Thread.sleep(300);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    });
    System.out.println("done: " + report.countsLine());
  }
}

package org.newsdesk.retrieval.index;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.newsdesk.config.IngestConfig;
import org.newsdesk.config.RetrievalConfig;

/** A reindex in its own JVM, for the kill test: prints progress and slows down once writing starts. */
public final class ReindexChild {
  private ReindexChild() {}

  public static void main(String[] args) throws Exception {
    LucenePassageIndex index = new LucenePassageIndex(Path.of(args[1]), RetrievalConfig.defaults(), 4);
    ArticleIndexer indexer = new ArticleIndexer(index, IngestConfig.defaults(), Optional.empty(), 1, List.of());
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

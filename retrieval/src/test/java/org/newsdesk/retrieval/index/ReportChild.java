package org.newsdesk.retrieval.index;

import java.nio.file.Path;

/**
 * One reindex (as {@link Reindex#once}) in its own JVM, printing the report: for a test that runs
 * it with fewer rights than its own. Arguments: the articles folder, then the index folder.
 */
public final class ReportChild {
  private ReportChild() {}

  public static void main(String[] args) throws Exception {
    System.out.print(Reindex.once(Path.of(args[1]), Path.of(args[0])).format());
    System.out.flush();
  }
}

package org.newsdesk.bot;

import java.io.PrintStream;
import java.nio.file.Path;
import org.newsdesk.retrieval.index.ReindexProgress;

/**
 * A reindex's {@code progress}, plus the one line on {@code notices} that says, before anything is
 * written, that the index holds the articles of another folder and which folder replaces them.
 */
record ReplacementNotice(ReindexProgress progress, PrintStream notices, Path index, Path articles)
    implements ReindexProgress {
  @Override
  public void replacing(int count) {
    notices.println("newsdesk: the index at " + index + " holds " + count + (count == 1 ? " article" : " articles")
        + " from another folder; replacing " + (count == 1 ? "it" : "them") + " with the articles in " + articles);
    progress.replacing(count);
  }

  @Override
  public void note(String line) {
    progress.note(line);
  }

  @Override
  public void writing(int files, int articleCount, long chars) {
    progress.writing(files, articleCount, chars);
  }

  @Override
  public void embedded(int passages) {
    progress.embedded(passages);
  }

  @Override
  public void articlesDone(int articleCount, long chars) {
    progress.articlesDone(articleCount, chars);
  }

  @Override
  public void fileWritten() {
    progress.fileWritten();
  }
}

package org.newsdesk.retrieval.index;

import java.util.function.Consumer;

/**
 * What a reindex tells as it goes, for a progress display; every method does nothing by default.
 * Called from the reindex's worker threads, so implementations must be thread-safe.
 */
public interface ReindexProgress {
  /** Tells nothing. */
  ReindexProgress NONE = new ReindexProgress() {};

  /** A line about the phase the run is in ("found 12 article files, 3 known", "committing"). */
  default void note(String line) {}

  /**
   * Told before anything is read or written when none of the files the index holds is in the folder
   * being indexed: the run replaces the index's {@code articles} articles with the folder's.
   */
  default void replacing(int articles) {}

  /**
   * The files to write are known: {@code files} files holding {@code articles} articles of
   * {@code chars} characters of text (what the time left is best judged by: articles differ in length).
   */
  default void writing(int files, int articles, long chars) {}

  /** {@code passages} more passages were just embedded (the model ran; reused vectors are not counted). */
  default void embedded(int passages) {}

  /** {@code texts} more other texts than passages were just embedded (the reader's sentences, when they are made while indexing). */
  default void embeddedOther(int texts) {}

  /** {@code articles} more articles, of {@code chars} characters, have their passages ready (split, and embedded when dense). */
  default void articlesDone(int articles, long chars) {}

  /** One more file was written. */
  default void fileWritten() {}

  /** Progress as lines: the notes as they are, and about twenty "indexed 40/200 files" along the way. */
  static ReindexProgress lines(Consumer<String> out) {
    return new ReindexProgress() {
      private volatile ProgressTicks written = new ProgressTicks(out, 0, "indexed");

      @Override
      public void note(String line) {
        out.accept(line);
      }

      @Override
      public void writing(int files, int articles, long chars) {
        written = new ProgressTicks(out, files, "indexed");
      }

      @Override
      public void fileWritten() {
        written.tick();
      }
    };
  }
}

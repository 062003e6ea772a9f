package org.newsdesk.retrieval.index;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Counts finished items of one phase and reports about twenty times along the way: "indexed 40/200 files". */
final class ProgressTicks {
  private final Consumer<String> progress;
  private final int total;
  private final String what;
  private final int step;
  private final AtomicInteger done = new AtomicInteger();

  ProgressTicks(Consumer<String> progress, int total, String what) {
    this.progress = progress;
    this.total = total;
    this.what = what;
    this.step = Math.max(1, total / 20);
  }

  /** One more item done; safe to call from several threads. */
  void tick() {
    int n = done.incrementAndGet();
    if (n % step == 0 || n == total) progress.accept(what + " " + n + "/" + total + " files");
  }
}

package org.newsdesk.retrieval.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a job over a list on up to {@code threads} platform threads, results in item order. The
 * first failure stops the other threads from taking more items and is rethrown as it was.
 */
final class Parallel {
  /** The work done for one item. */
  @FunctionalInterface
  interface Job<T, R> {
    R apply(T item) throws IOException;
  }

  /** Run once by each thread when the items have run out (and nothing failed). */
  @FunctionalInterface
  interface WhenDone {
    void run() throws IOException;
  }

  private final int threads;

  Parallel(int threads) {
    if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    this.threads = threads;
  }

  <T, R> List<R> map(List<T> items, Job<T, R> job) throws IOException {
    return map(items, job, () -> {});
  }

  <T, R> List<R> map(List<T> items, Job<T, R> job, WhenDone eachThreadWhenDone) throws IOException {
    if (items.isEmpty()) return List.of();
    int n = Math.min(threads, items.size());
    Object[] out = new Object[items.size()];
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean failed = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(n, Thread.ofPlatform().name("reindex-", 1).factory());
    try {
      List<Future<?>> workers = new ArrayList<>(n);
      for (int t = 0; t < n; t++) {
        workers.add(pool.submit(() -> {
          try {
            for (int i = next.getAndIncrement(); i < out.length && !failed.get(); i = next.getAndIncrement()) {
              out[i] = job.apply(items.get(i));
            }
            if (!failed.get()) eachThreadWhenDone.run();
            return null;
          } catch (IOException | RuntimeException | Error e) {
            failed.set(true);
            throw e;
          }
        }));
      }
      for (Future<?> w : workers) w.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("reindex interrupted", e);
    } catch (ExecutionException e) {
      throw unwrapped(e);
    } finally {
      pool.shutdownNow();
    }
    @SuppressWarnings("unchecked")
    List<R> results = (List<R>) (List<?>) Arrays.asList(out);
    return List.copyOf(results);
  }

  /**
   * What a task's failure should surface as: its unchecked cause thrown as it is, an {@link IOException}
   * cause returned as it is, anything else returned wrapped in one.
   */
  static IOException unwrapped(ExecutionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof IOException io) return io;
    if (cause instanceof RuntimeException re) throw re;
    if (cause instanceof Error err) throw err;
    return new IOException(cause);
  }
}

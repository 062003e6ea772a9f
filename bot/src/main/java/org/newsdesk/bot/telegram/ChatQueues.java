package org.newsdesk.bot.telegram;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Work for many chats at once, on virtual threads, one task at a time within a chat, in the
 * order submitted: a chat's replies go out in the order its questions came. Tasks handle their
 * own failures ({@link UpdateHandler} guards each update); should one throw all the same, its
 * chat moves on to the next task and the throwable goes to the thread's uncaught-exception
 * handler, as it would from any thread.
 */
final class ChatQueues implements AutoCloseable {
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final ConcurrentHashMap<Long, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
  private final AtomicInteger pending = new AtomicInteger();
  private final Object idle = new Object();

  void submit(long chatId, Runnable task) {
    pending.incrementAndGet();
    // handleAsync, not thenRunAsync: the next task runs whether or not the one before it failed.
    CompletableFuture<Void> next = tails.compute(chatId, (id, tail) ->
        (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail)
            .handleAsync((v, previousFailure) -> {
              task.run();
              return null;
            }, executor));
    // Outside compute: a task that already finished runs this callback at once, and the map
    // must not be updated from within its own compute.
    next.whenComplete((v, e) -> {
      tails.remove(chatId, next);
      finished();
      if (e != null) uncaught(e instanceof CompletionException c && c.getCause() != null ? c.getCause() : e);
    });
  }

  /** Runs {@code task} now on its own virtual thread, outside any chat's order. */
  void detached(Runnable task) {
    pending.incrementAndGet();
    executor.execute(() -> {
      try {
        task.run();
      } finally {
        finished();
      }
    });
  }

  private void finished() {
    if (pending.decrementAndGet() == 0) {
      synchronized (idle) {
        idle.notifyAll();
      }
    }
  }

  private static void uncaught(Throwable t) {
    Thread current = Thread.currentThread();
    current.getUncaughtExceptionHandler().uncaughtException(current, t);
  }

  int pending() {
    return pending.get();
  }

  /** Waits until every submitted task finished, or {@code grace} passed; true when idle. */
  boolean awaitIdle(Duration grace) {
    long deadline = System.nanoTime() + grace.toNanos();
    synchronized (idle) {
      while (pending.get() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) return false;
        try {
          idle.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}

package org.newsdesk.bot.telegram;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work for many chats at once, on virtual threads, one task at a time within a chat, in the
 * order submitted: a chat's replies go out in the order its questions came.
 */
final class ChatQueues implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ChatQueues.class);

  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final ConcurrentHashMap<Long, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
  private final AtomicInteger pending = new AtomicInteger();
  private final Object idle = new Object();

  void submit(long chatId, Runnable task) {
    pending.incrementAndGet();
    CompletableFuture<Void> next = tails.compute(chatId, (id, tail) ->
        (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail).thenRunAsync(() -> run(task), executor));
    // Outside compute: a task that already finished runs this callback at once, and the map
    // must not be updated from within its own compute.
    next.whenComplete((v, e) -> {
      tails.remove(chatId, next);
      finished();
    });
  }

  /** Runs {@code task} now on its own virtual thread, outside any chat's order. */
  void detached(Runnable task) {
    pending.incrementAndGet();
    executor.execute(() -> {
      try {
        run(task);
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

  private static void run(Runnable task) {
    try {
      task.run();
    } catch (Throwable t) { // a task logs its own failures; this keeps the chat's queue moving regardless
      log.atError().setCause(t).log("chat task failed");
    }
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

package org.newsdesk.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The stand-in's updates as Telegram keeps them: numbered in arrival order, held until a
 * {@code getUpdates} with a higher offset confirms them, and handed to a waiting long poll as soon
 * as one is queued. Every update stays known by id, so one can be delivered again.
 */
final class UpdateQueue {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition arrived = lock.newCondition();
  private final TreeMap<Long, ObjectNode> queued = new TreeMap<>();
  private final Map<Long, ObjectNode> history = new ConcurrentHashMap<>();
  private final Map<Long, Long> queuedAt = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong(1);

  /** The id the next update will get. */
  long nextId() {
    return nextId.get();
  }

  /** Queues {@code payload} as the update's {@code kind} field; returns the update's id. */
  long add(ObjectNode payload, String kind) {
    lock.lock();
    try {
      long id = nextId.getAndIncrement();
      ObjectNode update = TelegramJson.MAPPER.createObjectNode();
      update.put("update_id", id);
      update.set(kind, payload);
      history.put(id, update);
      queued.put(id, update);
      queuedAt.put(id, System.nanoTime());
      arrived.signalAll();
      return id;
    } finally {
      lock.unlock();
    }
  }

  /** Puts an update that was already delivered back in the queue. */
  void redeliver(long updateId) {
    ObjectNode update = history.get(updateId);
    if (update == null) throw new IllegalArgumentException("no update " + updateId);
    lock.lock();
    try {
      queued.put(updateId, update);
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Confirms the updates below {@code offset} (when above 0), then returns up to {@code limit} of
   * the rest, waiting up to {@code timeoutNanos} for one when there is none.
   */
  ArrayNode poll(long offset, int limit, long timeoutNanos) {
    ArrayNode result = TelegramJson.MAPPER.createArrayNode();
    lock.lock();
    try {
      if (offset > 0) queued.headMap(offset).clear();
      while (queued.isEmpty() && timeoutNanos > 0) {
        timeoutNanos = arrived.awaitNanos(timeoutNanos);
      }
      queued.values().stream().limit(limit).forEach(result::add);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
    return result;
  }

  /** When the update became available to getUpdates (System.nanoTime); 0 for an unknown id. */
  long queuedAtNanos(long updateId) {
    return queuedAt.getOrDefault(updateId, 0L);
  }
}

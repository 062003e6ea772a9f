package org.newsdesk.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ChatQueuesTest {
  @Test
  void should_run_every_task_in_order_per_chat_when_tasks_finish_before_the_next_is_queued() {
    Map<Long, List<Integer>> seen = new ConcurrentHashMap<>();
    try (ChatQueues queues = new ChatQueues()) {
      for (int i = 0; i < 5_000; i++) {
        int n = i;
        long chat = i % 10;
        queues.submit(chat, () -> seen.computeIfAbsent(chat, c -> new ArrayList<>()).add(n));
      }

      assertThat(queues.awaitIdle(Duration.ofSeconds(20))).isTrue();
      assertThat(queues.pending()).isZero();
    }
    for (long chat = 0; chat < 10; chat++) {
      List<Integer> got = seen.get(chat);
      assertThat(got).hasSize(500).isSorted();
    }
  }

  @Test
  void should_run_the_chats_next_task_and_report_the_throwable_as_uncaught_when_a_task_throws() {
    List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
    List<String> ran = new CopyOnWriteArrayList<>();
    try (ChatQueues queues = new ChatQueues()) {
      queues.submit(1, () -> ran.add("first"));
      queues.submit(1, () -> {
        throw new AssertionError("a task that should never throw did");
      });
      queues.submit(1, () -> ran.add("third"));

      assertThat(queues.awaitIdle(Duration.ofSeconds(10))).isTrue();
    } finally {
      Thread.setDefaultUncaughtExceptionHandler(before);
    }
    assertThat(ran).containsExactly("first", "third");
    assertThat(uncaught).singleElement().extracting(Throwable::getMessage).isEqualTo("a task that should never throw did");
  }
}

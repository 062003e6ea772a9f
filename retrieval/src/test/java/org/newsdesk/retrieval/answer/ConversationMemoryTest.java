package org.newsdesk.retrieval.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConversationMemoryTest {
  private static final class MutableClock extends Clock {
    Instant now = Instant.parse("2024-07-04T10:00:00Z");

    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  }

  private static ConversationMemory.Turn turn(int i) {
    return new ConversationMemory.Turn("q" + i, "q" + i, "a" + i);
  }

  @Test
  void should_keep_only_the_last_turns_when_the_conversation_grows() {
    ConversationMemory memory = new ConversationMemory(2, Duration.ofMinutes(30), Clock.systemUTC());

    for (int i = 1; i <= 4; i++) memory.remember("c", turn(i));

    assertThat(memory.turns("c")).extracting(ConversationMemory.Turn::question).containsExactly("q3", "q4");
  }

  @Test
  void should_forget_a_conversation_when_it_was_idle_too_long() {
    MutableClock clock = new MutableClock();
    ConversationMemory memory = new ConversationMemory(6, Duration.ofMinutes(30), clock);
    memory.remember("c", turn(1));

    clock.now = clock.now.plus(Duration.ofMinutes(29));
    assertThat(memory.turns("c")).hasSize(1);
    clock.now = clock.now.plus(Duration.ofMinutes(2));
    assertThat(memory.turns("c")).isEmpty();
  }

  @Test
  void should_keep_conversations_apart_when_many_are_written_at_once() throws Exception {
    ConversationMemory memory = new ConversationMemory(50, Duration.ofMinutes(30), Clock.systemUTC());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> futures = new ArrayList<>();
    for (int c = 0; c < 8; c++) {
      String id = "chat-" + c;
      futures.add(pool.submit(() -> {
        for (int i = 0; i < 40; i++) memory.remember(id, turn(i));
      }));
    }
    for (Future<?> f : futures) f.get();
    pool.shutdown();

    for (int c = 0; c < 8; c++) assertThat(memory.turns("chat-" + c)).hasSize(40);
  }
}

package org.newsdesk.retrieval.answer;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The last few turns of each conversation, forgotten after an idle time. Safe for many
 * conversations answered at once: each conversation is an immutable value swapped atomically.
 */
public final class ConversationMemory {
  /** One exchange: what the reader asked, the standalone query searched, what was answered. */
  public record Turn(String question, String query, String answer) {
    public Turn {
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(query, "query");
      Objects.requireNonNull(answer, "answer");
    }
  }

  private record Conversation(List<Turn> turns, Instant lastUsed) {}

  private static final int SWEEP_EVERY = 256;

  private final int maxTurns;
  private final Duration idle;
  private final Clock clock;
  private final ConcurrentMap<String, Conversation> conversations = new ConcurrentHashMap<>();
  private final AtomicLong writes = new AtomicLong();

  public ConversationMemory(int maxTurns, Duration idle, Clock clock) {
    if (maxTurns < 0) throw new IllegalArgumentException("maxTurns must be >= 0, got " + maxTurns);
    if (idle.isNegative() || idle.isZero()) throw new IllegalArgumentException("idle must be positive, got " + idle);
    this.maxTurns = maxTurns;
    this.idle = idle;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The remembered turns of a conversation, oldest first; empty when unknown or idle too long. */
  public List<Turn> turns(String conversationId) {
    Conversation c = conversations.get(conversationId);
    if (c == null) return List.of();
    if (expired(c, clock.instant())) {
      conversations.remove(conversationId, c);
      return List.of();
    }
    return c.turns();
  }

  /** Remembers a turn; the oldest turns beyond the bound are forgotten. */
  public void remember(String conversationId, Turn turn) {
    if (maxTurns == 0) return;
    Instant now = clock.instant();
    conversations.compute(conversationId, (id, old) -> {
      List<Turn> turns = new ArrayList<>(old == null || expired(old, now) ? List.of() : old.turns());
      turns.add(turn);
      while (turns.size() > maxTurns) turns.removeFirst();
      return new Conversation(List.copyOf(turns), now);
    });
    if (writes.incrementAndGet() % SWEEP_EVERY == 0) {
      conversations.values().removeIf(c -> expired(c, now));
    }
  }

  /** Forgets a conversation (a reader's /start, a new terminal session). */
  public void forget(String conversationId) {
    conversations.remove(conversationId);
  }

  /** Conversations currently held (expired ones may linger until the next sweep). */
  public int size() {
    return conversations.size();
  }

  /** The turns as LangChain4j chat messages, for a query transformer. */
  static List<ChatMessage> messages(List<Turn> turns) {
    List<ChatMessage> out = new ArrayList<>();
    for (Turn t : turns) {
      out.add(UserMessage.from(t.question()));
      out.add(AiMessage.from(t.answer()));
    }
    return out;
  }

  private boolean expired(Conversation c, Instant now) {
    return c.lastUsed().plus(idle).isBefore(now);
  }
}

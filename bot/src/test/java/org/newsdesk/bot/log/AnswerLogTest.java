package org.newsdesk.bot.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.bot.review.Moderation;
import org.newsdesk.bot.review.QueueRow;

class AnswerLogTest {
  @TempDir Path dir;

  // Every test runs on SQLite and on a real PostgreSQL server (see TestDatabases).
  private TestDatabases kind;

  private LogDatabase database() {
    return kind.create(dir);
  }

  private static Question question(long updateId) {
    return new Question(updateId, 1, 2, "private", 3, "question " + updateId, 1_000);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void should_log_a_question_once_when_its_update_is_delivered_again(TestDatabases kind) {
    this.kind = kind;
    try (AnswerLog log = new AnswerLog(database(), "a")) {
      List<OptionalLong> first = log.receive(List.of(question(10), question(11)));
      List<OptionalLong> again = log.receive(List.of(question(11), question(12)));

      assertThat(first).allMatch(OptionalLong::isPresent);
      assertThat(again.get(0)).isEmpty();
      assertThat(again.get(1)).isPresent();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void should_let_only_one_instance_claim_an_unsent_question_when_two_start_together(TestDatabases kind) {
    this.kind = kind;
    AtomicLong now = new AtomicLong(1_000_000);
    LogDatabase db = database();
    try (AnswerLog crashed = new AnswerLog(db, "crashed", now::get);
         AnswerLog a = new AnswerLog(db, "a", now::get);
         AnswerLog b = new AnswerLog(db, "b", now::get)) {
      long id = crashed.receive(List.of(question(1))).get(0).getAsLong();

      assertThat(a.claimUnsent(now.get() - 60_000, 10)).isEmpty(); // a fresh claim is respected
      now.addAndGet(120_000);
      List<PendingQuestion> byA = a.claimUnsent(now.get() - 60_000, 10);
      List<PendingQuestion> byB = b.claimUnsent(now.get() - 60_000, 10);

      assertThat(byA).extracting(PendingQuestion::answerId).containsExactly(id);
      assertThat(byB).isEmpty();
      a.sent(id, List.of(77, 78));
      now.addAndGet(600_000);
      assertThat(b.claimUnsent(now.get() - 60_000, 10)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void should_replace_a_readers_vote_when_they_vote_again(TestDatabases kind) {
    this.kind = kind;
    LogDatabase db = database();
    try (AnswerLog log = new AnswerLog(db, "a")) {
      long id = log.receive(List.of(question(1))).get(0).getAsLong();

      assertThat(log.feedback(id, 5, 1)).isTrue();
      assertThat(log.feedback(id, 5, -1)).isTrue();
      assertThat(log.feedback(id + 100, 5, 1)).isFalse();

      QueueRow votes = new Moderation(db, System::currentTimeMillis).answer(id).orElseThrow().summary();
      assertThat(List.of(votes.thumbsUp(), votes.thumbsDown())).containsExactly(0, 1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void should_answer_each_update_once_when_two_instances_receive_the_same_updates_at_once(TestDatabases kind)
      throws Exception {
    this.kind = kind;
    LogDatabase db = database();
    int updates = 120;
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try (AnswerLog a = new AnswerLog(db, "a"); AnswerLog b = new AnswerLog(db, "b")) {
      List<java.util.concurrent.Future<java.util.Set<Long>>> runs = new java.util.ArrayList<>();
      for (AnswerLog instance : List.of(a, b)) {
        int batch = instance == a ? 5 : 8;
        runs.add(pool.submit(() -> {
          go.await();
          java.util.Set<Long> mine = new java.util.HashSet<>();
          for (int from = 1; from <= updates; from += batch) {
            List<Question> polled = new java.util.ArrayList<>();
            for (int u = from; u < from + batch && u <= updates; u++) polled.add(question(u));
            // One instance sees its batches newest first: overlapping inserts in opposite orders
            // must not deadlock, and ids must still come back in the order asked.
            if (instance == b) java.util.Collections.reverse(polled);
            List<OptionalLong> ids = instance.receive(polled);
            for (int i = 0; i < ids.size(); i++) if (ids.get(i).isPresent()) mine.add(polled.get(i).updateId());
          }
          return mine;
        }));
      }
      go.countDown();
      java.util.Set<Long> byA = runs.get(0).get(60, java.util.concurrent.TimeUnit.SECONDS);
      java.util.Set<Long> byB = runs.get(1).get(60, java.util.concurrent.TimeUnit.SECONDS);

      java.util.Set<Long> both = new java.util.HashSet<>(byA);
      both.retainAll(byB);
      assertThat(both).isEmpty();
      assertThat(byA.size() + byB.size()).isEqualTo(updates);
    } finally {
      pool.shutdown();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void should_hand_a_hide_from_the_review_page_to_exactly_one_bot_instance(TestDatabases kind) {
    this.kind = kind;
    AtomicLong now = new AtomicLong(5_000_000);
    LogDatabase db = database();
    try (AnswerLog a = new AnswerLog(db, "a", now::get); AnswerLog b = new AnswerLog(db, "b", now::get)) {
      long id = a.receive(List.of(question(1))).get(0).getAsLong();
      a.sent(id, List.of(77, 78));

      new Moderation(db, now::get).act(id, Moderation.Action.HIDE, "review:ana", null);
      List<PendingEdit> byA = new EditQueue(a).claim(now.get() - 60_000, 10);
      List<PendingEdit> byB = new EditQueue(b).claim(now.get() - 60_000, 10);

      assertThat(byA).extracting(PendingEdit::messageId, PendingEdit::newText)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(77, "This answer was removed by a moderator."),
              org.assertj.core.groups.Tuple.tuple(78, "This answer was removed by a moderator."));
      assertThat(byB).isEmpty();
    }
  }
}

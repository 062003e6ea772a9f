package org.newsdesk.bot.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.config.LogConfig;

class AnswerLogTest {
  @TempDir Path dir;

  private LogDatabase database() {
    return new LogDatabase(new LogConfig("jdbc:sqlite:" + dir.resolve("answers.db"), Optional.empty(), Optional.empty()))
        .migrate();
  }

  private static Question question(long updateId) {
    return new Question(updateId, 1, 2, "private", 3, "question " + updateId, 1_000);
  }

  @Test
  void should_log_a_question_once_when_its_update_is_delivered_again() {
    try (AnswerLog log = new AnswerLog(database(), "a")) {
      List<OptionalLong> first = log.receive(List.of(question(10), question(11)));
      List<OptionalLong> again = log.receive(List.of(question(11), question(12)));

      assertThat(first).allMatch(OptionalLong::isPresent);
      assertThat(again.get(0)).isEmpty();
      assertThat(again.get(1)).isPresent();
    }
  }

  @Test
  void should_let_only_one_instance_claim_an_unsent_question_when_two_start_together() {
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

  @Test
  void should_replace_a_readers_vote_when_they_vote_again() {
    LogDatabase db = database();
    try (AnswerLog log = new AnswerLog(db, "a")) {
      long id = log.receive(List.of(question(1))).get(0).getAsLong();

      assertThat(log.feedback(id, 5, 1)).isTrue();
      assertThat(log.feedback(id, 5, -1)).isTrue();
      assertThat(log.feedback(id + 100, 5, 1)).isFalse();

      ModerationLog moderation = new ModerationLog(log);
      assertThat(moderation.stats(0)).isEqualTo(new ModerationLog.Stats(1, 0, 0, 0, 0, 1));
    }
  }
}

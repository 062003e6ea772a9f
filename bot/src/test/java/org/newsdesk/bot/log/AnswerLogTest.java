package org.newsdesk.bot.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.bot.review.Moderation;
import org.newsdesk.bot.review.QueueRow;
import org.newsdesk.config.AnswerMode;
import org.newsdesk.retrieval.answer.Answer;
import org.newsdesk.testkit.WordHashEmbeddingModel;
import org.slf4j.LoggerFactory;

class AnswerLogTest {
  private static final long DEAD_AFTER = 12_000;
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
  void should_let_only_one_instance_take_over_an_unsent_question_when_its_holder_stops_beating(TestDatabases kind) {
    this.kind = kind;
    AtomicLong now = new AtomicLong(1_000_000);
    LogDatabase db = database();
    try (AnswerLog crashed = new AnswerLog(db, "crashed", now::get);
         AnswerLog a = new AnswerLog(db, "a", now::get);
         AnswerLog b = new AnswerLog(db, "b", now::get)) {
      crashed.beat();
      long id = crashed.receive(List.of(question(1))).get(0).getAsLong();

      now.addAndGet(3_000);
      a.beat();
      b.beat();
      assertThat(a.claimUnsent(now.get() - DEAD_AFTER, 10)).as("a live holder keeps its claim").isEmpty();
      now.addAndGet(DEAD_AFTER);
      a.beat();
      b.beat();
      List<PendingQuestion> byA = a.claimUnsent(now.get() - DEAD_AFTER, 10);
      List<PendingQuestion> byB = b.claimUnsent(now.get() - DEAD_AFTER, 10);

      assertThat(byA).extracting(PendingQuestion::answerId).containsExactly(id);
      assertThat(byB).isEmpty();
      LogWrites.deliver(a, id, 77, 78);
      now.addAndGet(600_000);
      b.beat();
      assertThat(b.claimUnsent(now.get() - DEAD_AFTER, 10)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void should_take_over_the_questions_of_a_dead_instance_at_once_and_not_those_of_a_live_one(TestDatabases kind) {
    this.kind = kind;
    AtomicLong now = new AtomicLong(1_000_000);
    LogDatabase db = database();
    try (AnswerLog dead = new AnswerLog(db, "dead", now::get);
         AnswerLog alive = new AnswerLog(db, "alive", now::get);
         AnswerLog starting = new AnswerLog(db, "starting", now::get)) {
      dead.beat();
      alive.beat();
      long deadsQuestion = dead.receive(List.of(question(1))).get(0).getAsLong();
      alive.receive(List.of(question(2)));
      long answered = alive.receive(List.of(question(3))).get(0).getAsLong();
      LogWrites.deliver(alive, answered, 90);

      now.addAndGet(DEAD_AFTER + 1); // "dead" was killed: it never beats again
      alive.beat();
      starting.beat();

      assertThat(starting.claimUnsent(now.get() - DEAD_AFTER, 10)).extracting(PendingQuestion::answerId)
          .containsExactly(deadsQuestion);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void should_resume_a_reply_at_its_first_unsent_message_and_never_send_one_that_was_in_flight(TestDatabases kind) {
    this.kind = kind;
    AtomicLong now = new AtomicLong(1_000_000);
    LogDatabase db = database();
    try (AnswerLog crashed = new AnswerLog(db, "crashed", now::get);
         AnswerLog next = new AnswerLog(db, "next", now::get)) {
      crashed.beat();
      long id = crashed.receive(List.of(question(1))).get(0).getAsLong();
      crashed.answered(id, LogWrites.answer("long answer"), List.of(new ReplyText("<b>one</b>", "one"),
          new ReplyText("two", "two"), new ReplyText("three", "three")), 10);
      Replies before = new Replies(crashed);
      assertThat(before.begin(id, 0)).isTrue();
      before.delivered(id, 0, 501);
      assertThat(before.begin(id, 1)).isTrue(); // killed while Telegram had part 2

      now.addAndGet(DEAD_AFTER + 1);
      next.beat();
      assertThat(next.claimUnsent(now.get() - DEAD_AFTER, 10)).extracting(PendingQuestion::answerId).containsExactly(id);
      Replies after = new Replies(next);
      List<ReplyPart> parts = after.parts(id);

      assertThat(parts).extracting(ReplyPart::index, p -> p.text().html(), ReplyPart::attempted, ReplyPart::messageId)
          .containsExactly(tuple(0, "<b>one</b>", true, OptionalInt.of(501)), tuple(1, "two", true, OptionalInt.empty()),
              tuple(2, "three", false, OptionalInt.empty()));
      assertThat(parts.get(1).unconfirmed()).isTrue();
      assertThat(after.begin(id, 1)).as("a part in flight is never sent again").isFalse();
      assertThat(after.begin(id, 2)).isTrue();
      assertThat(before.begin(id, 2)).as("the old holder lost the question").isFalse();
      assertThatThrownBy(() -> next.answered(id, LogWrites.answer("again"), List.of(new ReplyText("x", "x")), 1))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void should_log_a_command_button_or_refusal_once_when_its_update_is_delivered_again(TestDatabases kind) throws Exception {
    this.kind = kind;
    LogDatabase db = database();
    try (AnswerLog log = new AnswerLog(db, "a")) {
      List<Arrival> batch = List.of(new HandledUpdate(20, "command", 1), new HandledUpdate(21, "button", 1),
          new Refusal(question(22), "asked faster than 10 questions a minute"));

      List<OptionalLong> first = log.receive(batch);
      List<OptionalLong> again = log.receive(batch);

      assertThat(first).allMatch(OptionalLong::isPresent);
      assertThat(first.get(0)).hasValue(20);
      assertThat(again).allMatch(OptionalLong::isEmpty);
      try (var c = db.open(); var rs = c.createStatement().executeQuery(
          "SELECT state, refusal, claimed_by FROM answers WHERE update_id = 22")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1) + " | " + rs.getString(2) + " | " + rs.getString(3))
            .isEqualTo("refused | asked faster than 10 questions a minute | null");
      }
      assertThat(log.claimUnsent(Long.MAX_VALUE, 10)).as("a refusal is never answered").isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void should_replace_a_readers_vote_when_they_vote_again(TestDatabases kind) {
    this.kind = kind;
    LogDatabase db = database();
    try (AnswerLog log = new AnswerLog(db, "a")) {
      long id = log.receive(List.of(question(1))).get(0).getAsLong();
      LogWrites.deliver(log, id, 77);

      assertThat(log.feedback(id, 1, 77, 5, 1)).isTrue();
      assertThat(log.feedback(id, 1, 77, 5, -1)).isTrue();
      assertThat(log.feedback(id + 100, 1, 77, 5, 1)).isFalse();

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
      LogWrites.deliver(a, id, 77, 78);
      a.beat();
      b.beat();

      new Moderation(db, now::get).act(id, Moderation.Action.HIDE, "review:ana", null);
      List<PendingEdit> byA = new EditQueue(a).claim(now.get() - DEAD_AFTER, 10);
      List<PendingEdit> byB = new EditQueue(b).claim(now.get() - DEAD_AFTER, 10);

      assertThat(byA).extracting(PendingEdit::messageId, PendingEdit::newText)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(77, "This answer was removed by a moderator."),
              org.assertj.core.groups.Tuple.tuple(78, "This answer was removed by a moderator."));
      assertThat(byB).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void should_store_the_meaning_of_the_searched_query_with_a_not_found_answer_and_with_no_other(TestDatabases kind)
      throws Exception {
    this.kind = kind;
    LogDatabase db = database();
    WordHashEmbeddingModel model = new WordHashEmbeddingModel();
    try (AnswerLog log = new AnswerLog(db, "a", System::currentTimeMillis, Optional.of(model))) {
      List<OptionalLong> ids = log.receive(List.of(question(1), question(2)));
      long notFound = ids.get(0).getAsLong();
      long found = ids.get(1).getAsLong();

      log.answered(notFound, notFound("What did he say about Kaliningrad? Peskov"), List.of(new ReplyText("no", "no")), 5);
      log.answered(notFound, notFound("What did he say about Kaliningrad? Peskov"), List.of(new ReplyText("no", "no")), 5);
      LogWrites.deliver(log, found, 77);

      assertThat(vectors(db)).as("one vector, of the second attempt, for the not-found answer only")
          .containsExactly(notFound + " word-hash-64 " + java.util.Arrays.toString(
              model.vector("What did he say about Kaliningrad? Peskov")));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void should_log_a_not_found_answer_without_its_meaning_when_the_embedding_model_fails(TestDatabases kind)
      throws Exception {
    this.kind = kind;
    LogDatabase db = database();
    EmbeddingModel broken = new EmbeddingModel() {
      @Override
      public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        throw new IllegalStateException("the ONNX session is closed");
      }
    };
    Logger logger = (Logger) LoggerFactory.getLogger(AnswerLog.class);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    logger.addAppender(events);
    try (AnswerLog log = new AnswerLog(db, "a", System::currentTimeMillis, Optional.of(broken))) {
      long id = log.receive(List.of(question(1))).get(0).getAsLong();

      log.answered(id, notFound("Who owns the stadium?"), List.of(new ReplyText("no", "no")), 5);

      assertThat(vectors(db)).isEmpty();
      assertThat(new Replies(log).parts(id)).hasSize(1);
      assertThat(events.list).singleElement().satisfies(e -> {
        assertThat(e.getFormattedMessage()).isEqualTo("question not embedded; insights group it by its words");
        assertThat(e.getThrowableProxy().getMessage()).isEqualTo("the ONNX session is closed");
      });
    } finally {
      logger.detachAppender(events);
    }
  }

  private static Answer notFound(String query) {
    return new Answer(false, Answer.NOT_FOUND, AnswerMode.EXTRACTIVE, List.of(), List.of(), List.of(),
        Optional.empty(), query);
  }

  /** Each stored question vector as "answerId model [floats]". */
  private static List<String> vectors(LogDatabase db) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = db.open(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT answer_id, model, vector FROM question_vectors ORDER BY answer_id")) {
      while (rs.next()) {
        out.add(rs.getLong(1) + " " + rs.getString(2) + " " + java.util.Arrays.toString(QuestionVector.floats(rs.getBytes(3))));
      }
    }
    return out;
  }
}

package org.newsdesk.bot.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.newsdesk.bot.log.LogDatabase;
import org.newsdesk.bot.log.TestDatabases;

/** Bot-like writers, page-like readers and moderators on one log at once, on both databases. */
class ReviewConcurrencyTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void should_lose_nothing_when_writers_readers_and_moderators_run_at_once(TestDatabases kind) throws Exception {
    LogDatabase db = kind.create(dir);
    LogSeed seed = new LogSeed(db);
    int writers = 4;
    int perWriter = 40;
    ConcurrentLinkedQueue<Long> written = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> hidden = new ConcurrentLinkedQueue<>();
    AtomicBoolean writing = new AtomicBoolean(true);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers + 3);
    List<Future<?>> tasks = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      tasks.add(pool.submit(() -> {
        go.await();
        for (int i = 0; i < perWriter; i++) {
          long id = seed.insert(LogSeed.entry().question("writer " + writer + " question " + i)
              .at(String.format("2025-03-12T10:%02d:%02dZ", writer, i)).replies(1000 + i));
          seed.vote(id, writer, i % 3 == 0 ? -1 : 1);
          written.add(id);
        }
        return null;
      }));
    }
    Moderation queue = new Moderation(db, System::currentTimeMillis);
    for (int r = 0; r < 2; r++) {
      tasks.add(pool.submit(() -> {
        go.await();
        int last = 0;
        while (writing.get()) {
          int seen = 0;
          Optional<QueuePage.Cursor> after = Optional.empty();
          do {
            QueuePage page = queue.queue(QueueFilter.all(), after, 25);
            seen += page.rows().size();
            after = page.next();
          } while (after.isPresent());
          assertThat(seen).isGreaterThanOrEqualTo(last);
          last = seen;
          new Export(db).write(QueueFilter.all().withThumbsDown(), Export.Format.CSV, OutputStream.nullOutputStream());
        }
        return null;
      }));
    }
    Moderation moderation = queue;
    tasks.add(pool.submit(() -> {
      go.await();
      while (writing.get()) {
        Long id = written.peek();
        if (id == null || hidden.contains(id)) {
          Thread.sleep(5);
          continue;
        }
        moderation.act(id, Moderation.Action.HIDE, "review:ana", null);
        moderation.act(id, Moderation.Action.HIDE, "review:bo", null);
        hidden.add(id);
        written.poll();
      }
      return null;
    }));

    go.countDown();
    for (int i = 0; i < writers; i++) tasks.get(i).get(120, TimeUnit.SECONDS);
    writing.set(false);
    for (Future<?> t : tasks) t.get(60, TimeUnit.SECONDS);
    pool.shutdown();

    assertThat(count(db, "SELECT COUNT(*) FROM answers")).isEqualTo(writers * perWriter);
    assertThat(count(db, "SELECT COUNT(*) FROM feedback")).isEqualTo(writers * perWriter);
    assertThat(hidden).isNotEmpty();
    assertThat(count(db, "SELECT COUNT(*) FROM answers WHERE hidden = 1")).isEqualTo(hidden.size());
    assertThat(count(db, "SELECT COUNT(*) FROM pending_edits")).isEqualTo(hidden.size());
    assertThat(count(db, "SELECT COUNT(*) FROM moderation_actions")).isEqualTo(2L * hidden.size());
    assertThat(queue.queue(QueueFilter.all(), Optional.empty(), 500).rows()).hasSize(writers * perWriter);
  }

  private static long count(LogDatabase db, String sql) throws Exception {
    try (Connection c = db.open(); ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

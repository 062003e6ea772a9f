package org.newsdesk.bot.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.newsdesk.retrieval.index.ReindexProgress;

/**
 * A reindex on a terminal: one line redrawn in place with the articles done of those to write,
 * the time left, the files written and the passages embedded with their rate. The time left is
 * judged by the length of the text done, not the number of articles (a gallery of captions can
 * hold fifty passages, a brief one). Drawn only once there is something to write, so an unchanged
 * reindex shows nothing. Only for a terminal: in a pipe or a log the redrawing would be noise.
 */
final class IndexProgressBar implements ReindexProgress, AutoCloseable {
  private final PrintStream terminal;
  private final int width;
  private final AtomicInteger files = new AtomicInteger();
  private final AtomicInteger filesWritten = new AtomicInteger();
  private final AtomicInteger embedded = new AtomicInteger();
  private final AtomicInteger sentences = new AtomicInteger();
  private final AtomicLong firstEmbedded = new AtomicLong();
  private final AtomicLong charsDone = new AtomicLong();
  private volatile long chars;
  private volatile ProgressBar bar;

  /** A bar as wide as the terminal. */
  IndexProgressBar(PrintStream terminal) {
    this(terminal, -1);
  }

  /** A bar {@code width} characters wide at most; -1: as wide as the terminal. */
  IndexProgressBar(PrintStream terminal, int width) {
    this.terminal = terminal;
    this.width = width;
  }

  @Override
  public synchronized void writing(int fileCount, int articles, long textChars) {
    if (fileCount == 0 || bar != null) return;
    files.set(fileCount);
    chars = textChars;
    bar = new ProgressBarBuilder()
        .setTaskName("Indexing")
        .setInitialMax(articles)
        .setUnit(" articles", 1)
        .setEtaFunction(state -> timeLeft(state.getElapsedAfterStart()))
        .setConsumer(new InteractiveConsoleProgressBarConsumer(terminal, width))
        .build();
    show();
  }

  @Override
  public void embedded(int passages) {
    firstEmbedded.compareAndSet(0, System.nanoTime());
    embedded.addAndGet(passages);
    show();
  }

  @Override
  public void embeddedOther(int texts) {
    sentences.addAndGet(texts);
    show();
  }

  @Override
  public void articlesDone(int articles, long textChars) {
    charsDone.addAndGet(textChars);
    ProgressBar b = bar;
    if (b != null) b.stepBy(articles);
  }

  /** The time so far, scaled by the text still to do over the text done; unknown before any is done. */
  Optional<Duration> timeLeft(Duration elapsed) {
    long done = charsDone.get();
    if (done == 0) return Optional.empty();
    return Optional.of(elapsed.multipliedBy(Math.max(0, chars - done)).dividedBy(done));
  }

  @Override
  public void fileWritten() {
    filesWritten.incrementAndGet();
    show();
  }

  @Override
  public void note(String line) {
    ProgressBar b = bar;
    if (b != null && line.equals("committing")) b.setExtraMessage(status() + ", committing");
  }

  private void show() {
    ProgressBar b = bar;
    if (b != null) b.setExtraMessage(status());
  }

  /** "3/18 files, 1,234 passages embedded (26.3/s)", and ", 9,876 sentences" when the reader's are made too. */
  String status() {
    StringBuilder s = new StringBuilder().append(filesWritten.get()).append('/').append(files.get()).append(" files");
    int n = embedded.get();
    if (n > 0) {
      double seconds = (System.nanoTime() - firstEmbedded.get()) / 1e9;
      s.append(String.format(Locale.ROOT, ", %,d passages embedded", n));
      if (seconds >= 1) s.append(String.format(Locale.ROOT, " (%.1f/s)", n / seconds));
    }
    int m = sentences.get();
    if (m > 0) s.append(String.format(Locale.ROOT, ", %,d sentences", m));
    return s.toString();
  }

  @Override
  public synchronized void close() {
    if (bar != null) bar.close();
  }
}

package org.newsdesk.bot.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.newsdesk.config.LogLevel;
import org.slf4j.LoggerFactory;

/**
 * What the running application logs, as a user would find it: the terminal (System.err, captured)
 * and the log file under a data folder, both written by the shipped logback.xml. Closing puts
 * System.err and the terminal-only configuration back.
 */
public final class LogCapture implements AutoCloseable {
  private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
  private final PrintStream realErr = System.err;
  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final Path file;

  private LogCapture(Path dataDir) {
    System.setErr(new PrintStream(terminal, true, StandardCharsets.UTF_8));
    file = LogFile.openUnder(dataDir, LogLevel.WARN).orElseThrow(() -> new AssertionError("no log file under " + dataDir));
  }

  /** Starts capturing, with the log file under {@code dataDir}/logs. */
  public static LogCapture under(Path dataDir) {
    return new LogCapture(dataDir);
  }

  /** What reached the terminal so far. */
  public String terminal() {
    return terminal.toString(StandardCharsets.UTF_8);
  }

  /** The log file as it stands. */
  public String file() {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    System.setErr(realErr);
    context.reset();
    try {
      new ContextInitializer(context).autoConfig();
    } catch (JoranException e) {
      throw new IllegalStateException("cannot restore the logging configuration", e);
    }
  }
}

package org.newsdesk.bot.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.joran.util.ConfigurationWatchListUtil;
import ch.qos.logback.core.rolling.RollingFileAppender;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.newsdesk.config.LogLevel;
import org.slf4j.LoggerFactory;

/**
 * The log file under the data folder, {@code <data>/logs/newsdesk-<date>.log}. Logback starts
 * before the configuration is read, with the terminal only; once the data folder is known,
 * {@code logback.xml} is loaded again with the folder set, which turns its file appender on.
 * A run that fails before it logs anything takes back the folders it made for the file
 * ({@link #discardUnused}), so a mistyped {@code --data} leaves nothing behind.
 */
public final class LogFile {
  /** The Logback property that {@code logback.xml} puts the file under. */
  static final String FOLDER_PROPERTY = "newsdeskLogFolder";
  /** The Logback property that sets what reaches the terminal. */
  static final String LEVEL_PROPERTY = "newsdeskLogLevel";
  static final String APPENDER = "FILE";

  /** The folders the last {@link #openUnder} created, deepest first. */
  private static volatile List<Path> created = List.of();
  private static volatile LogLevel level = LogLevel.WARN;

  private LogFile() {}

  /**
   * Starts logging to {@code <dataDir>/logs}, with {@code terminal} and up shown on the terminal;
   * the file in use, or empty when it cannot be written.
   */
  public static Optional<Path> openUnder(Path dataDir, LogLevel terminal) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return Optional.empty();
    URL config = mainConfig(context);
    if (config == null) return Optional.empty();
    Path folder = dataDir.resolve("logs");
    List<Path> missing = new ArrayList<>();
    for (Path p = folder.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) missing.add(p);
    level = terminal;
    Optional<Path> file = configure(context, config, Optional.of(folder), terminal);
    created = file.isPresent() ? List.copyOf(missing) : List.of();
    return file;
  }

  private static URL mainConfig(LoggerContext context) {
    URL config = ConfigurationWatchListUtil.getMainWatchURL(context);
    return config != null ? config : LogFile.class.getClassLoader().getResource("logback.xml");
  }

  /**
   * For a run that failed: when nothing was logged to the file and {@link #openUnder} created its
   * folders, logging goes back to the terminal only, and the empty file and those folders (when
   * empty) are deleted. A file that holds anything stays: the failure's message may point to it.
   */
  public static void discardUnused() {
    List<Path> folders = created;
    if (folders.isEmpty() || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return;
    Optional<Path> file = current(context);
    try {
      if (file.isPresent() && Files.size(file.get()) > 0) return;
      URL config = mainConfig(context);
      if (config != null) configure(context, config, Optional.empty(), level);
      if (file.isPresent()) Files.deleteIfExists(file.get());
      for (Path folder : folders) Files.delete(folder);
    } catch (IOException e) {
      return; // a folder that is not empty any more, or one that cannot be deleted, stays
    } finally {
      created = List.of();
    }
  }

  /** As {@link #configure(LoggerContext, URL, Optional, LogLevel)} with the default terminal level. */
  static Optional<Path> configure(LoggerContext context, URL config, Path folder) {
    return configure(context, config, Optional.of(folder), LogLevel.WARN);
  }

  /**
   * Loads {@code config} into {@code context} again with the terminal's level and the log folder
   * set; the file in use, or empty (the terminal only) when there is no folder or it cannot be
   * created. A command runs on even so: a log file is no reason to refuse to answer.
   */
  static Optional<Path> configure(LoggerContext context, URL config, Optional<Path> folder, LogLevel terminal) {
    Optional<Path> usable = folder.filter(LogFile::created);
    context.reset();
    context.putProperty(LEVEL_PROPERTY, terminal.name());
    usable.ifPresent(f -> context.putProperty(FOLDER_PROPERTY, f.toAbsolutePath().toString()));
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(config);
    } catch (JoranException e) {
      return Optional.empty();
    }
    return current(context);
  }

  private static boolean created(Path folder) {
    try {
      Files.createDirectories(folder);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The file being written now, if there is one. */
  public static Optional<Path> current() {
    return LoggerFactory.getILoggerFactory() instanceof LoggerContext context ? current(context) : Optional.empty();
  }

  static Optional<Path> current(LoggerContext context) {
    Appender<ILoggingEvent> appender = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(APPENDER);
    if (appender instanceof RollingFileAppender<ILoggingEvent> file && file.isStarted()
        && file.getRollingPolicy() != null) {
      return Optional.of(Path.of(file.getRollingPolicy().getActiveFileName()));
    }
    return Optional.empty();
  }
}

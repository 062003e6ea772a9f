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
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * The log file under the data folder, {@code <data>/logs/newsdesk-<date>.log}. Logback starts
 * before the configuration is read, with the terminal only; once the data folder is known,
 * {@code logback.xml} is loaded again with the folder set, which turns its file appender on.
 */
public final class LogFile {
  /** The Logback property that {@code logback.xml} puts the file under. */
  static final String FOLDER_PROPERTY = "newsdeskLogFolder";
  static final String APPENDER = "FILE";

  private LogFile() {}

  /** Starts logging to {@code <dataDir>/logs}; the file in use, or empty when it cannot be written. */
  public static Optional<Path> openUnder(Path dataDir) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return Optional.empty();
    URL config = ConfigurationWatchListUtil.getMainWatchURL(context);
    if (config == null) config = LogFile.class.getClassLoader().getResource("logback.xml");
    if (config == null) return Optional.empty();
    return configure(context, config, dataDir.resolve("logs"));
  }

  /**
   * Loads {@code config} into {@code context} again with the log folder set; empty (and the
   * terminal only) when the folder cannot be created. A command runs on even so: a log file is
   * no reason to refuse to answer.
   */
  static Optional<Path> configure(LoggerContext context, URL config, Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      return Optional.empty();
    }
    context.reset();
    context.putProperty(FOLDER_PROPERTY, folder.toAbsolutePath().toString());
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(config);
    } catch (JoranException e) {
      return Optional.empty();
    }
    return current(context);
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

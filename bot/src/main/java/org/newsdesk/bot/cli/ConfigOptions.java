package org.newsdesk.bot.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.newsdesk.bot.logging.LogFile;
import org.newsdesk.bot.logging.SecretMask;
import org.newsdesk.config.LogLevel;
import org.newsdesk.config.NewsdeskConfig;
import org.newsdesk.config.Settings;
import picocli.CommandLine.Option;

/**
 * Options every command shares; flags win over the environment, which wins over the defaults. A
 * relative path given here is relative to the current folder; the defaults are in the installation's
 * folder, which the launcher names with {@code -Dnewsdesk.home} (running the jar directly: the current folder).
 */
public final class ConfigOptions {
  @Option(names = "--data", paramLabel = "DIR", description = "Folder for the index and the answer log (default: data in the installation's folder, setting newsdesk.data).")
  Path data;

  @Option(names = "--articles", paramLabel = "DIR", description = "Folder of articles: .txt, .md, .html, .jsonl (default: samples in the installation's folder, setting newsdesk.articles).")
  Path articles;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any setting of config/newsdesk.properties, e.g. --set newsdesk.retrieval.top-k=8.")
  Map<String, String> set = new LinkedHashMap<>();

  private LogLevel logLevel = LogLevel.WARN;

  /** Whether {@code --articles} was given on the command line. */
  public boolean articlesGiven() {
    return articles != null;
  }

  /**
   * The configuration with these flags, plus command-specific ones, over env and defaults. Every
   * secret in the environment is masked in logs from here on, and the log file opens under the
   * data folder, the terminal showing the configured level and up.
   */
  public NewsdeskConfig config(Map<String, String> commandFlags) {
    Map<String, String> flags = new LinkedHashMap<>(set);
    if (data != null) flags.put("newsdesk.data", data.toString());
    if (articles != null) flags.put("newsdesk.articles", articles.toString());
    flags.putAll(commandFlags);
    Settings settings = Settings.load(System.getenv(),
        Optional.ofNullable(System.getProperty(Settings.INSTALLED_DEFAULTS_PROPERTY)).map(Path::of),
        Optional.ofNullable(System.getProperty(Settings.HOME_PROPERTY)).map(Path::of), flags);
    SecretMask.register(settings.secrets());
    NewsdeskConfig config = NewsdeskConfig.from(settings);
    logLevel = LogLevel.from(settings);
    LogFile.openUnder(config.data(), logLevel);
    return config;
  }

  /** What the terminal shows of the log ({@code newsdesk.log.level}), as {@link #config} read it. */
  public LogLevel logLevel() {
    return logLevel;
  }

  public NewsdeskConfig config() {
    return config(Map.of());
  }
}

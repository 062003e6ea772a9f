package org.newsdesk.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Everything Newsdesk is configured with; built once, at startup, by the entry point. */
public record NewsdeskConfig(Path articles, Path data, IngestConfig ingest, RetrievalConfig retrieval,
                             AnswerConfig answer, LlmConfig llm, TelegramConfig telegram, LogConfig log,
                             ReviewConfig review, IndexConfig index) {

  /**
   * Reads and validates every section; the first bad value fails with its key and value. A data
   * folder that is a file fails here, once, instead of in each place that writes under it.
   */
  public static NewsdeskConfig from(Settings s) {
    Path data = s.path("newsdesk.data");
    if (Files.exists(data) && !Files.isDirectory(data)) {
      throw Settings.bad("newsdesk.data", data.toString(), "must be a folder (it is a file)");
    }
    return new NewsdeskConfig(
        s.path("newsdesk.articles"),
        data,
        IngestConfig.from(s),
        RetrievalConfig.from(s),
        AnswerConfig.from(s),
        LlmConfig.from(s),
        TelegramConfig.from(s),
        LogConfig.from(s, data),
        ReviewConfig.from(s),
        IndexConfig.from(s));
  }

  /** Defaults, environment, then flags (keys as in {@code config/newsdesk.properties}). */
  public static NewsdeskConfig load(Map<String, String> env, Map<String, String> flags) {
    return from(Settings.load(env, flags));
  }
}

package org.newsdesk.config;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** How articles become passages. */
public record IngestConfig(int passageMinWords, int passageMaxWords, List<Pattern> boilerplatePatterns,
                           long maxFileBytes) {
  public IngestConfig {
    if (passageMinWords < 1) throw new IllegalArgumentException("passageMinWords must be >= 1, got " + passageMinWords);
    if (passageMaxWords < passageMinWords) {
      throw new IllegalArgumentException("passageMaxWords (" + passageMaxWords + ") must be >= passageMinWords (" + passageMinWords + ")");
    }
    boilerplatePatterns = List.copyOf(boilerplatePatterns);
  }

  public static IngestConfig from(Settings s) {
    int min = s.integer("newsdesk.ingest.passage-min-words", 10, 1000);
    int max = s.integer("newsdesk.ingest.passage-max-words", 10, 2000);
    if (max < min) {
      throw Settings.bad("newsdesk.ingest.passage-max-words", Integer.toString(max),
          "must be at least newsdesk.ingest.passage-min-words (" + min + ")");
    }
    List<Pattern> patterns = s.list("newsdesk.ingest.boilerplate-patterns", "||").stream()
        .map(p -> {
          try {
            return Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
          } catch (PatternSyntaxException e) {
            throw Settings.bad("newsdesk.ingest.boilerplate-patterns", p, "must hold valid regular expressions");
          }
        })
        .toList();
    long maxBytes = s.integer("newsdesk.ingest.max-file-bytes", 1_000, Integer.MAX_VALUE);
    return new IngestConfig(min, max, patterns, maxBytes);
  }

  /** Defaults, for tests and tools. */
  public static IngestConfig defaults() {
    return from(Settings.defaultsOnly());
  }
}

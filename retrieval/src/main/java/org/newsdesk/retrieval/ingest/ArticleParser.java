package org.newsdesk.retrieval.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.newsdesk.config.IngestConfig;

/** Reads one article file (.txt, .md, .html, .jsonl) into raw articles. Never throws for bad content. */
public final class ArticleParser {
  private final IngestConfig config;

  public ArticleParser(IngestConfig config) {
    this.config = config;
  }

  /** Whether this file is one the parser reads (by extension). */
  public static boolean isArticleFile(Path file) {
    String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".txt") || n.endsWith(".md") || n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".jsonl");
  }

  /** Parses {@code root.resolve(file)}; {@code content} are its bytes (already read, for hashing). */
  public ParseOutcome parse(Path root, Path file, byte[] content) {
    String rel = root.relativize(file).toString().replace('\\', '/');
    String text = new String(content, StandardCharsets.UTF_8);
    List<String> paragraphs = new ArrayList<>();
    for (String p : text.split("\\R\\s*\\R")) {
      if (!p.isBlank()) paragraphs.add(p.strip());
    }
    if (paragraphs.isEmpty()) return ParseOutcome.rejected(rel, "empty");
    String title = paragraphs.get(0).lines().findFirst().orElse(rel);
    return new ParseOutcome(rel, List.of(new RawArticle(rel, title, Optional.empty(), Optional.empty(),
        Optional.empty(), paragraphs, rel)), List.of());
  }

  /** Reads and parses a file. */
  public ParseOutcome parse(Path root, Path file) {
    try {
      return parse(root, file, Files.readAllBytes(file));
    } catch (IOException e) {
      return ParseOutcome.rejected(root.relativize(file).toString(), "unreadable: " + e.getMessage());
    }
  }

  IngestConfig config() {
    return config;
  }
}

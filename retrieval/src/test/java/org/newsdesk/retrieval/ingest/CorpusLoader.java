package org.newsdesk.retrieval.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.newsdesk.config.IngestConfig;
import org.newsdesk.retrieval.Passage;

/**
 * Loads a whole folder in memory through the full ingest pipeline: walk (subfolders included,
 * hidden files and folders skipped), parse, count paragraph fingerprints across the corpus,
 * clean, split. For the ingest tests; the index builds the same pipeline incrementally.
 */
final class CorpusLoader {
  private CorpusLoader() {}

  /** A file or article that did not make it into the corpus, and why. */
  public record Rejection(String path, String reason) {
    @Override public String toString() {
      return path + ": " + reason;
    }
  }

  /** The cleaned articles, their passages in article order, and every rejection. */
  public record LoadedCorpus(List<Article> articles, List<Passage> passages, List<Rejection> rejections) {
    public LoadedCorpus {
      articles = List.copyOf(articles);
      passages = List.copyOf(passages);
      rejections = List.copyOf(rejections);
    }
  }

  public static LoadedCorpus load(Path dir, IngestConfig config) {
    if (!Files.isDirectory(dir)) throw new IllegalArgumentException("not a folder of articles: " + dir);
    return load(dir, articleFiles(dir), config);
  }

  /** The article files under {@code dir}, sorted by path. */
  public static List<Path> articleFiles(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> !isHidden(dir, p) && Files.isRegularFile(p) && ArticleParser.isArticleFile(p))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list articles under " + dir, e);
    }
  }

  static LoadedCorpus load(Path root, List<Path> files, IngestConfig config) {
    ArticleParser parser = new ArticleParser(config);
    List<RawArticle> raws = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    Map<String, String> idPaths = new HashMap<>();
    for (Path f : files) {
      ParseOutcome outcome = parser.parse(root, f);
      for (String reason : outcome.rejections()) rejections.add(new Rejection(outcome.path(), reason));
      for (RawArticle a : outcome.articles()) {
        String earlier = idPaths.putIfAbsent(a.id(), a.path());
        if (earlier != null) {
          rejections.add(new Rejection(a.path(), "duplicate id \"" + a.id() + "\" (also in " + earlier + ")"));
        } else {
          raws.add(a);
        }
      }
    }
    Map<Long, Integer> counts = new HashMap<>();
    for (RawArticle a : raws) {
      for (long fp : Boilerplate.fingerprints(a)) counts.merge(fp, 1, Integer::sum);
    }
    Boilerplate boilerplate = new Boilerplate(config);
    PassageSplitter splitter = new PassageSplitter(config);
    List<Article> articles = new ArrayList<>();
    List<Passage> passages = new ArrayList<>();
    for (RawArticle raw : raws) {
      Optional<Article> article = boilerplate.clean(raw, fp -> counts.getOrDefault(fp, 0));
      if (article.isEmpty()) {
        rejections.add(new Rejection(raw.path(), "empty after cleaning"));
        continue;
      }
      articles.add(article.get());
      passages.addAll(splitter.split(article.get()));
    }
    return new LoadedCorpus(articles, passages, rejections);
  }

  private static boolean isHidden(Path root, Path p) {
    for (Path part : root.relativize(p)) {
      if (part.toString().startsWith(".")) return true;
    }
    return false;
  }
}

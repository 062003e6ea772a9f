package org.newsdesk.bench.rtqa;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.newsdesk.config.ConfigException;
import org.newsdesk.retrieval.index.LucenePassageIndex;
import org.newsdesk.retrieval.index.LuceneVectorSource;
import org.newsdesk.retrieval.index.VectorSource;

/**
 * The rtqa benchmark's work folder: each variant's data folder, {@code <work>/<variant>/data}, with
 * its index, kept between runs so that a rerun embeds nothing. Every run still builds each variant
 * into a fresh index, so indexing is measured each time: the build of the run before is moved to
 * {@code <variant>/previous-index} first and lends its vectors, as does every other build kept in
 * the work folder (another variant whose passages are the same lends them all). A previous build is
 * dropped once a newer one holds all its article files, so a quick run on a few files never costs
 * the vectors of the whole set. {@code <work>/articles} holds the links to a {@code --files} subset.
 */
final class WorkFolder {
  /** Beside a build: the article files it was made from, one a line; written once the build is committed. */
  private static final String FILES = "files.txt";
  private static final String PREVIOUS = "previous-index";
  private static final String PREVIOUS_FILES = "previous-files.txt";
  private static final String SUBSET = "articles";

  private final Path root;

  WorkFolder(Path root) throws IOException {
    this.root = Files.createDirectories(root);
  }

  Path root() {
    return root;
  }

  /** The data folder a variant runs with: its index lives under it. */
  Path data(Variant v) {
    if (v.name().equals(SUBSET)) {
      throw new ConfigException("a variant cannot be named " + SUBSET + ": the work folder keeps the --files links there");
    }
    return root.resolve(v.name()).resolve("data");
  }

  /** A folder of links to {@code names} in {@code articles}, made afresh: the corpus of a {@code --files} run. */
  Path subset(Path articles, List<String> names) throws IOException {
    Path dir = root.resolve(SUBSET);
    deleteTree(dir);
    Files.createDirectories(dir);
    for (String name : names) {
      Path file = articles.resolve(name).normalize();
      if (name.contains("/") || name.contains("\\") || !Files.isRegularFile(file)) {
        throw new ConfigException("--files: no article file " + name + " in " + articles);
      }
      Files.createSymbolicLink(dir.resolve(name), file.toAbsolutePath());
    }
    return dir;
  }

  /**
   * Makes way for a fresh build of {@code v}: a committed build of the last run becomes the previous
   * one unless the previous one holds files it lacks (then it is simply deleted, as is an unfinished build).
   */
  void prepare(Variant v) throws IOException {
    Path dir = root.resolve(v.name());
    Path index = LucenePassageIndex.directoryOf(data(v));
    Path built = dir.resolve(FILES);
    Path previous = dir.resolve(PREVIOUS);
    if (Files.exists(index)) {
      boolean complete = Files.isRegularFile(built);
      if (complete && (!Files.exists(previous) || files(built).containsAll(files(dir.resolve(PREVIOUS_FILES))))) {
        deleteTree(previous);
        Files.move(index, previous);
        Files.move(built, dir.resolve(PREVIOUS_FILES), StandardCopyOption.REPLACE_EXISTING);
      } else {
        deleteTree(index);
      }
    }
    Files.deleteIfExists(built);
  }

  /** Whether {@code v}'s last build is complete and was made from exactly {@code files}: it can be asked as it stands. */
  boolean holds(Variant v, Collection<String> files) throws IOException {
    return Files.isDirectory(LucenePassageIndex.directoryOf(data(v)))
        && files(root.resolve(v.name()).resolve(FILES)).equals(new TreeSet<>(files));
  }

  /**
   * Every kept build holding vectors of {@code model}, {@code v}'s previous build first, opened
   * read-only; builds without vectors, or of another model, are passed over.
   */
  KeptVectors keptVectors(Variant v, String model) throws IOException {
    List<Path> candidates = new ArrayList<>();
    candidates.add(root.resolve(v.name()).resolve(PREVIOUS));
    try (Stream<Path> folders = Files.list(root)) {
      for (Path other : folders.filter(Files::isDirectory).sorted().toList()) {
        if (other.getFileName().toString().equals(v.name()) || other.getFileName().toString().equals(SUBSET)) continue;
        candidates.add(LucenePassageIndex.directoryOf(other.resolve("data")));
        candidates.add(other.resolve(PREVIOUS));
      }
    }
    KeptVectors kept = new KeptVectors();
    try {
      for (Path dir : candidates) {
        if (!Files.isDirectory(dir)) continue;
        try {
          kept.add(LuceneVectorSource.open(dir, model), root.relativize(dir).toString());
        } catch (NoSuchFileException | IllegalArgumentException e) {
          continue; // no committed index there, or one without vectors of this model: nothing to lend
        }
      }
    } catch (IOException | RuntimeException e) {
      kept.close();
      throw e;
    }
    return kept;
  }

  /** Records what {@code v}'s new build was made from, and drops its previous build when the new one holds all its files. */
  void finish(Variant v, Collection<String> files) throws IOException {
    Path dir = root.resolve(v.name());
    Files.write(dir.resolve(FILES), new TreeSet<>(files));
    Path previousFiles = dir.resolve(PREVIOUS_FILES);
    if (Files.exists(dir.resolve(PREVIOUS)) && files.containsAll(files(previousFiles))) {
      deleteTree(dir.resolve(PREVIOUS));
      Files.deleteIfExists(previousFiles);
    }
  }

  /** The article files under {@code articles}, relative to it, links followed: what a build is made from. */
  static Set<String> articleFiles(Path articles) throws IOException {
    Set<String> out = new TreeSet<>();
    try (Stream<Path> files = Files.walk(articles, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
      files.filter(Files::isRegularFile).forEach(f -> out.add(articles.relativize(f).toString().replace('\\', '/')));
    }
    return out;
  }

  private static Set<String> files(Path list) throws IOException {
    return Files.isRegularFile(list) ? new TreeSet<>(Files.readAllLines(list)) : Set.of();
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  /** Kept builds lending their vectors to a build, counting the vectors they lent. */
  static final class KeptVectors implements Closeable {
    private final List<LuceneVectorSource> opened = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final AtomicInteger lent = new AtomicInteger();

    private void add(LuceneVectorSource source, String name) {
      opened.add(source);
      names.add(name);
    }

    /** The sources to give the indexer, in order. */
    List<VectorSource> sources() {
      List<VectorSource> out = new ArrayList<>();
      for (LuceneVectorSource s : opened) {
        out.add(hashes -> {
          Map<String, float[]> found = s.vectors(hashes);
          lent.addAndGet(found.size());
          return found;
        });
      }
      return out;
    }

    /** Distinct passage texts whose vector a kept build lent. */
    int lent() {
      return lent.get();
    }

    /** The kept builds, relative to the work folder. */
    List<String> names() {
      return List.copyOf(names);
    }

    @Override
    public void close() throws IOException {
      IOException failed = null;
      for (LuceneVectorSource s : opened) {
        try {
          s.close();
        } catch (IOException e) {
          if (failed == null) failed = e;
        }
      }
      opened.clear();
      if (failed != null) throw failed;
    }
  }
}

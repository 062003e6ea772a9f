package org.newsdesk.retrieval.index;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.newsdesk.config.IngestConfig;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.embed.EmbeddedText;
import org.newsdesk.retrieval.index.ReindexReport.Bucket;
import org.newsdesk.retrieval.index.ReindexReport.FileResult;
import org.newsdesk.retrieval.ingest.ArticleParser;
import org.newsdesk.retrieval.ingest.Boilerplate;
import org.newsdesk.retrieval.ingest.PassageSplitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a {@link PassageIndex} in line with the articles folder: new, changed (by content hash)
 * and deleted files are applied, unchanged files are skipped without parsing, and an unchanged
 * article whose paragraphs became shared (or stopped being shared) with other articles is cleaned
 * again. All of it lands in one commit, so readers see the old index until the new one is
 * complete; a process killed in the middle leaves the last commit as it was, and the next run does
 * the work again. Only one reindex runs at a time per index.
 *
 * <p>With an embedding model, every passage is written with its vector. A passage whose embedded
 * text the last commit (or an extra {@link VectorSource}) already holds gets that vector back; only
 * text never seen is embedded, so an unchanged reindex never loads the model. An index built
 * otherwise than the configuration asks (another model, no vectors, other passage settings) has
 * every file rewritten, reusing vectors wherever the model is the same.
 *
 * <p>The steps: {@link ReindexPlanner} decides what to do without touching the index,
 * {@link FilePassages} cleans and splits each file to rewrite, {@link PassageVectors} gives its
 * passages their vectors, and the {@link PassageIndexWriter} writes it and commits; {@link Parallel}
 * spreads scanning and writing over the threads.
 */
public final class ArticleIndexer {
  private static final Logger log = LoggerFactory.getLogger(ArticleIndexer.class);

  private final PassageIndex index;
  private final Optional<EmbeddingModel> model;
  private final List<VectorSource> extraVectors;
  private final Optional<SideVectors> side;
  private final int threads;
  private final Parallel parallel;
  private final ReindexPlanner planner;
  private final FilePassages passages;
  private final String ingestDigest;

  /** Indexes into {@code index}, embedding passages with {@code model} when present, one thread per core. */
  public ArticleIndexer(PassageIndex index, IngestConfig ingest, Optional<EmbeddingModel> model) {
    this(index, ingest, model, Runtime.getRuntime().availableProcessors(), List.of());
  }

  /**
   * {@code threads} parse, embed and write files in parallel; {@code extraVectors} are consulted,
   * in order, for passages whose vector the index itself does not hold (they must hold vectors of
   * {@code model}).
   */
  public ArticleIndexer(PassageIndex index, IngestConfig ingest, Optional<EmbeddingModel> model, int threads,
                        List<VectorSource> extraVectors) {
    this(index, ingest, model, threads, extraVectors, Optional.empty());
  }

  /**
   * As above, and with a model, {@code side} is told of every passage written and fills what it
   * lacks with the same model (the reader's sentence vectors); files of the index it was not filled
   * for (all of them, the first time) are rewritten so that it is.
   */
  public ArticleIndexer(PassageIndex index, IngestConfig ingest, Optional<EmbeddingModel> model, int threads,
                        List<VectorSource> extraVectors, Optional<SideVectors> side) {
    this.index = index;
    this.model = model;
    this.extraVectors = List.copyOf(extraVectors);
    this.side = model.isPresent() ? side : Optional.empty();
    this.threads = threads;
    this.parallel = new Parallel(threads);
    this.planner = new ReindexPlanner(new FileScanner(new ArticleParser(ingest)), parallel);
    this.passages = new FilePassages(new Boilerplate(ingest), new PassageSplitter(ingest));
    this.ingestDigest = ingestDigest(ingest);
  }

  /** How an index built by this indexer is signed: its model, and the ingest settings that shape passages. */
  public IndexSignature signature() {
    return new IndexSignature(model.map(EmbeddingModel::modelName), ingestDigest);
  }

  public ReindexReport reindex(Path articlesDir) throws IOException {
    return reindex(articlesDir, ReindexProgress.NONE);
  }

  /** Reindexes {@code articlesDir}; {@code progress} gets a line now and then. */
  public ReindexReport reindex(Path articlesDir, Consumer<String> progress) throws IOException {
    return reindex(articlesDir, ReindexProgress.lines(progress));
  }

  /**
   * Reindexes {@code articlesDir} (subfolders included), telling {@code progress} how it goes.
   *
   * @throws NoSuchFileException when the folder does not exist
   * @throws ReindexBusyException when another reindex holds the index
   */
  public ReindexReport reindex(Path articlesDir, ReindexProgress progress) throws IOException {
    if (!Files.isDirectory(articlesDir)) {
      throw new NoSuchFileException(articlesDir.toString(), null, "no articles folder");
    }
    long started = System.nanoTime();
    IndexSignature wanted = signature();
    try (PassageIndexWriter writer = index.writer()) {
      StoredManifests stored = writer.manifests();
      IndexSignature built = writer.signature();
      Map<String, FileManifest> previous = stored.manifests();
      if (!previous.isEmpty() && previous.keySet().stream().noneMatch(path -> Files.exists(articlesDir.resolve(path)))) {
        progress.replacing(CorpusStats.of(previous.values(), Instant.now()).articles());
      }
      List<String> notices = new ArrayList<>();
      if (stored.otherFormat().isPresent()) {
        int format = stored.otherFormat().getAsInt();
        writer.deleteAll();
        notices.add("rebuilt every file: the index was written by another version of Newsdesk (manifest format "
            + format + "; this version writes " + ManifestCodec.FORMAT + ")");
        log.atWarn().addKeyValue("format", format).log("index of another manifest format, rebuilding");
      } else if (!previous.isEmpty() && !built.equals(wanted)) {
        writer.deleteAll();
        previous = Map.of();
        String why = rebuildReason(built, wanted);
        notices.add("rebuilt every file: " + why);
        log.atWarn().addKeyValue("why", why).log("index built otherwise, rebuilding");
      }
      Set<String> unread = Set.of();
      if (side.isPresent() && !previous.isEmpty()) {
        Map<String, String> versions = new HashMap<>();
        previous.values().forEach(m -> versions.put(m.path(), sideVersion(m)));
        unread = side.get().lacking(versions);
        if (!unread.isEmpty()) {
          notices.add((unread.size() == previous.size() ? "rewrote every file" : "rewrote "
              + ReindexReport.count(unread.size(), "unchanged file")) + ", reusing the passage vectors: the reader's"
              + " sentence vectors are made while indexing, and the index had none for "
              + (unread.size() == 1 ? "it" : "them") + " yet");
          log.atWarn().addKeyValue("files", unread.size()).log("files without sentence vectors, rewriting");
        }
      }
      ReindexPlan plan = planner.plan(articlesDir, previous, unread, progress::note);

      for (String path : plan.stale()) writer.delete(path);
      progress.writing(plan.rewrites().size(), plan.rewrites().stream().mapToInt(r -> r.candidates().size()).sum(),
          plan.rewrites().stream().flatMap(r -> r.candidates().stream()).mapToLong(ArticleIndexer::chars).sum());
      List<VectorSource> sources = new ArrayList<>();
      if (wanted.embeddingModel().isPresent() && built.embeddingModel().equals(wanted.embeddingModel())) {
        sources.add(writer::vectors);
      }
      sources.addAll(extraVectors);
      Optional<PassageVectors> vectors = model.map(m -> new PassageVectors(m, sources, threads, progress));
      List<Written> written;
      try {
        written = parallel.map(plan.rewrites(), r -> write(r, plan.counts(), vectors, writer, progress),
            writer::flushBuffers);
      } finally {
        vectors.ifPresent(PassageVectors::close);
      }

      List<FileResult> results = new ArrayList<>(plan.results());
      List<FileManifest> manifests = new ArrayList<>(plan.kept().values());
      for (Written w : written) {
        results.add(w.result());
        w.manifest().ifPresent(manifests::add);
      }
      results.sort(Comparator.comparing(FileResult::path));
      CorpusStats stats = CorpusStats.of(manifests, Instant.now());
      progress.note("committing");
      if (side.isPresent()) side.get().commit(manifests.stream().map(FileManifest::path).collect(Collectors.toSet()));
      writer.commit(stats, wanted);

      ReindexReport report = new ReindexReport(results, notices, stats.articles(), stats.passages(),
          Duration.ofNanos(System.nanoTime() - started));
      log.atInfo().addKeyValue("indexed", report.count(Bucket.INDEXED))
          .addKeyValue("unchanged", report.count(Bucket.UNCHANGED))
          .addKeyValue("deleted", report.count(Bucket.DELETED))
          .addKeyValue("rejected", report.count(Bucket.REJECTED))
          .addKeyValue("embedded", vectors.map(PassageVectors::embedded).orElse(0))
          .addKeyValue("reusedVectors", vectors.map(PassageVectors::reused).orElse(0))
          .addKeyValue("sentencesEmbedded", vectors.map(PassageVectors::otherTexts).orElse(0))
          .addKeyValue("ms", report.took().toMillis()).log("reindex committed");
      return report;
    }
  }

  /** What the run keeps of a written file: its report line and manifest (not its passages). */
  private record Written(FileResult result, Optional<FileManifest> manifest) {}

  /**
   * Cleans and splits one file, gives its passages their vectors, writes it, and reports its
   * articles done: those with passages as their vectors are ready, the rest (empty after
   * cleaning, or all of them without vectors) once the file is written.
   */
  private Written write(Rewrite r, FingerprintCounts counts, Optional<PassageVectors> vectors,
                        PassageIndexWriter writer, ReindexProgress progress) throws IOException {
    FileUpdate update = passages.build(r, counts);
    Map<String, Long> chars = new HashMap<>();
    r.candidates().forEach(c -> chars.put(c.raw().id(), chars(c)));
    Set<String> reported = Set.of();
    if (vectors.isPresent()) {
      update = vectors.get().withVectors(update, id -> chars.getOrDefault(id, 0L));
      if (side.isPresent() && update.manifest().isPresent()) {
        side.get().add(update.path(), sideVersion(update.manifest().get()), update.passages(), vectors.get()::embed);
      }
      reported = update.passages().stream().map(Passage::articleId).collect(Collectors.toSet());
    }
    writer.write(update);
    int rest = 0;
    long restChars = 0;
    for (Map.Entry<String, Long> e : chars.entrySet()) {
      if (reported.contains(e.getKey())) continue;
      rest++;
      restChars += e.getValue();
    }
    progress.articlesDone(rest, restChars);
    progress.fileWritten();
    return new Written(update.result(), update.manifest());
  }

  /** The length of an article's text: how progress weighs it. */
  private static long chars(Rewrite.Candidate c) {
    return c.raw().paragraphs().stream().mapToLong(String::length).sum();
  }

  /**
   * What a file's passages were written from, as far as the side vectors need to know: its content
   * and, for each article, whether it was indexed and which of its paragraphs were shared (left
   * out as boilerplate). Passage settings are not in it: a change of them rewrites every file.
   */
  static String sideVersion(FileManifest m) {
    StringBuilder key = new StringBuilder(m.hash());
    for (FileManifest.Entry e : m.articles()) {
      key.append('\n').append(e.id()).append(e.indexed() ? " +" : " -");
      e.shared().stream().sorted().forEach(f -> key.append(' ').append(f));
    }
    return EmbeddedText.hash(key.toString()).substring(0, 16);
  }

  /** Why an index signed {@code built} is rebuilt for a configuration that signs {@code wanted}. */
  static String rebuildReason(IndexSignature built, IndexSignature wanted) {
    if (!built.embeddingModel().equals(wanted.embeddingModel())) {
      if (built.embeddingModel().isEmpty()) {
        return "the index holds no passage vectors and dense retrieval is on (" + wanted.embeddingModel().get() + ")";
      }
      if (wanted.embeddingModel().isEmpty()) {
        return "dense retrieval is off (newsdesk.retrieval.dense=false), and the index holds vectors of "
            + built.embeddingModel().get();
      }
      return "the index holds vectors of " + built.embeddingModel().get() + " and this configuration embeds with "
          + wanted.embeddingModel().get();
    }
    return "the passage settings changed since the index was built (newsdesk.ingest.passage-min-words, "
        + "passage-max-words or boilerplate-patterns)";
  }

  /** A digest of the ingest settings that shape passages: sizes and boilerplate patterns. */
  static String ingestDigest(IngestConfig ingest) {
    StringBuilder key = new StringBuilder("passage-words=").append(ingest.passageMinWords()).append("..")
        .append(ingest.passageMaxWords()).append("\nboilerplate=");
    for (Pattern p : ingest.boilerplatePatterns()) key.append(p.pattern()).append('\u0000');
    return EmbeddedText.hash(key.toString()).substring(0, 16);
  }
}

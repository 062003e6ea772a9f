package org.newsdesk.bench;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.newsdesk.bench.rtqa.RtqaBenchmark;
import org.newsdesk.bench.rtqa.RtqaQuestion;
import org.newsdesk.bench.rtqa.Variant;
import org.newsdesk.bot.cli.ConfigOptions;
import org.newsdesk.config.ConfigException;
import org.newsdesk.config.NewsdeskConfig;
import org.newsdesk.retrieval.embed.LazyEmbeddingModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newsdesk bench rtqa}: Newsdesk on RealTimeQA 2024, real news and readers' questions, in
 * several configurations side by side in one run (before and after by default), each assembled by
 * the composition root as the commands assemble it.
 */
@Command(name = "rtqa", mixinStandardHelpOptions = true,
    description = {"Newsdesk on RealTimeQA 2024, several configurations side by side in one run. For each"
        + " variant: a fresh index of eval/rtqa-2024/articles (or --files of it) under the work folder, reusing the"
        + " vectors kept there; indexing (wall time, passages embedded and reused, embedding rate, unchanged reindex,"
        + " peak RSS), answer recall R@1/5/10 of search and its latency, and the answers (answered, gold, quoted,"
        + " wrong, latency), scored as eval/rtqa-2024/README.md says. One table per measure, a row per variant, and the"
        + " README's reference rows.",
        "Variants: before (BM25 alone, with the passage and BM25 settings of before hybrid retrieval), after (the"
        + " defaults) and any defined with --variant; --set applies to all of them."})
public final class RtqaBench implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--shared", paramLabel = "DIR", description = "Folder holding eval/rtqa-2024 (default: ../shared).")
  Path shared = Path.of("../shared");

  @Option(names = "--work", paramLabel = "DIR",
      description = "Where each variant's index is kept between runs, <work>/<variant>/data (default: bench-rtqa in the data folder).")
  Path work;

  @Option(names = "--files", split = ",", paramLabel = "FILE",
      description = "Only these article files of eval/rtqa-2024/articles, e.g. rtqa-000.jsonl,rtqa-001.jsonl (default: all).")
  List<String> files = new ArrayList<>();

  @Option(names = "--questions", paramLabel = "N", description = "Only the first N questions (default: all).")
  int questionLimit = Integer.MAX_VALUE;

  @Option(names = "--keep-index",
      description = "Ask each variant over its last build of these files as it stands, instead of a fresh build (not"
          + " measured then): two builds of the reader compared over one index, whose HNSW graph a fresh build would"
          + " change a little. A variant without such a build is built as usual.")
  boolean keepIndex;

  @Option(names = "--answers", paramLabel = "DIR",
      description = "Also write each variant's answers to DIR/<variant>.tsv, a line a question (number, day asked,"
          + " answered, gold, quoted, question, quiz answer, answer text), to see which answers two runs changed.")
  Path answers;

  @Option(names = "--variants", split = ",", paramLabel = "NAME",
      description = "The variants to run, in this order (default: before, after, then every --variant).")
  List<String> variantNames = new ArrayList<>();

  @Option(names = "--variant", paramLabel = "NAME:KEY=VALUE[,KEY=VALUE...]",
      description = "Defines a variant: these settings over the defaults, e.g. k1:newsdesk.retrieval.k1=1.2 (repeatable).")
  List<String> variantSpecs = new ArrayList<>();

  private final Supplier<EmbeddingModel> model;

  /** With bge-small-en-v1.5, the product's embedding model. */
  public RtqaBench() {
    this(LazyEmbeddingModel::bgeSmall);
  }

  /** With another embedding model for the variants with dense retrieval on (a stand-in, in tests). */
  RtqaBench(Supplier<EmbeddingModel> model) {
    this.model = model;
  }

  @Override
  public Integer call() throws Exception {
    NewsdeskConfig base = options.config();
    Path rtqa = shared.resolve("eval/rtqa-2024");
    Path articles = options.articlesGiven() ? base.articles() : rtqa.resolve("articles");
    Path questionsFile = rtqa.resolve("questions.jsonl");
    if (!Files.isDirectory(articles)) throw new ConfigException("no articles folder at " + articles + "; pass --shared DIR");
    if (!Files.isRegularFile(questionsFile)) {
      throw new ConfigException("no questions at " + questionsFile + "; pass --shared DIR");
    }
    if (questionLimit < 1) throw new ConfigException("--questions must be 1 or more, got " + questionLimit);
    List<Variant> defined = new ArrayList<>();
    for (String s : variantSpecs) defined.add(Variant.parse(s));
    List<Variant> variants = Variant.chosen(defined, variantNames);
    List<RtqaQuestion> all = RtqaQuestion.read(questionsFile);
    if (all.isEmpty()) throw new ConfigException("no questions in " + questionsFile);
    List<RtqaQuestion> questions = all.subList(0, Math.min(questionLimit, all.size()));

    RtqaBenchmark run = RtqaBenchmark.in(work != null ? work : base.data().resolve("bench-rtqa"), articles, files);
    if (keepIndex) run = run.keepingIndex();
    if (answers != null) run = run.writingAnswersTo(answers);
    Map<Variant, NewsdeskConfig> configs = new LinkedHashMap<>();
    for (Variant v : variants) { // every variant's settings are checked before anything is built
      Map<String, String> flags = new LinkedHashMap<>(v.settings());
      flags.put("newsdesk.data", run.data(v).toString());
      flags.put("newsdesk.articles", run.corpus().toString());
      configs.put(v, options.config(flags));
    }

    PrintWriter out = spec.commandLine().getOut();
    Set<String> corpusFiles = run.files();
    out.printf(Locale.ROOT, "RealTimeQA 2024, %s: %s, %,d of %,d questions%n", articles,
        files.isEmpty() ? "all " + corpusFiles.size() + (corpusFiles.size() == 1 ? " article file" : " article files")
            : String.join(", ", corpusFiles),
        questions.size(), all.size());
    out.printf(Locale.ROOT, "started %s, %d cores, load average %s; work folder %s%n%n",
        Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(), loadAverage(),
        run.work());
    out.flush();
    EmbeddingModel shared = model.get();
    try {
      out.print(run.run(shared, configs, questions, spec.commandLine().getErr()));
    } finally {
      if (shared instanceof AutoCloseable c) c.close();
    }
    out.printf(Locale.ROOT, "%nfinished %s, load average %s%n", Instant.now().truncatedTo(ChronoUnit.SECONDS),
        loadAverage());
    out.flush();
    return 0;
  }

  /** The one-minute load average, or "unknown". */
  private static String loadAverage() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load);
  }
}

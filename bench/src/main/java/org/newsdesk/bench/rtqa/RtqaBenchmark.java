package org.newsdesk.bench.rtqa;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.newsdesk.bot.Newsdesk;
import org.newsdesk.config.NewsdeskConfig;
import org.newsdesk.retrieval.answer.Answer;
import org.newsdesk.retrieval.answer.Answerer;
import org.newsdesk.retrieval.answer.SentenceVectors;
import org.newsdesk.retrieval.index.ArticleIndexer;
import org.newsdesk.retrieval.index.ReindexProgress;
import org.newsdesk.retrieval.index.ReindexReport;
import org.newsdesk.retrieval.index.SideVectors;
import org.newsdesk.retrieval.search.PassageSearcher;
import org.newsdesk.retrieval.search.ScoredPassage;

/**
 * Newsdesk measured on RealTimeQA 2024 in several configurations ({@link Variant}s), each assembled
 * by the composition root exactly as the commands assemble it: a build into a fresh index, an
 * unchanged reindex, answer recall and latency of the searcher, and what the answerer says to every
 * question. With {@link #keepingIndex()} a variant is asked over its last build as it stands, and
 * with {@link #writingAnswersTo} every answer is written down: two builds of the reader, run one
 * after the other over one index, then show which answers changed (a fresh build's HNSW graph
 * differs a little from the last one's, and so does what the reader is given).
 * Scored as {@code eval/rtqa-2024/README.md} says ({@link RtqaQuestion#answeredBy}).
 */
public final class RtqaBenchmark {
  /** Recall is counted at these ranks; the searcher is asked for the last. */
  static final int[] KS = {1, 5, 10};
  private static final int SEARCH_WARM_UP = 50;
  private static final int ASK_WARM_UP = 20;

  private final WorkFolder work;
  private final Path corpus;
  private final Set<String> files;
  private final boolean keepIndex;
  private final Optional<Path> answers;

  private RtqaBenchmark(WorkFolder work, Path corpus, Set<String> files, boolean keepIndex, Optional<Path> answers) {
    this.work = work;
    this.corpus = corpus;
    this.files = Set.copyOf(files);
    this.keepIndex = keepIndex;
    this.answers = answers;
  }

  /**
   * The benchmark of the article files {@code files} of {@code articles} (all of them when empty),
   * with its indexes kept under {@code work}.
   */
  public static RtqaBenchmark in(Path work, Path articles, List<String> files) throws IOException {
    WorkFolder folder = new WorkFolder(work);
    Path corpus = files.isEmpty() ? articles : folder.subset(articles, files);
    return new RtqaBenchmark(folder, corpus, WorkFolder.articleFiles(corpus), false, Optional.empty());
  }

  /**
   * The same benchmark asking each variant over its last complete build of these files as it
   * stands, unchanged reindex included, when the work folder holds one; indexing is then not
   * measured. A variant without one is built as usual.
   */
  public RtqaBenchmark keepingIndex() {
    return new RtqaBenchmark(work, corpus, files, true, answers);
  }

  /**
   * The same benchmark writing each variant's answers to {@code <dir>/<variant>.tsv}, a line a
   * question: its number, the day it is asked on, answered, gold and quoted (1 or 0), the question,
   * the quiz's answer and the answer's text, tabs and line breaks made spaces.
   */
  public RtqaBenchmark writingAnswersTo(Path dir) {
    return new RtqaBenchmark(work, corpus, files, keepIndex, Optional.of(dir));
  }

  public Path work() {
    return work.root();
  }

  /** The folder indexed: the articles, or links to the chosen files of them. */
  public Path corpus() {
    return corpus;
  }

  /** The article files indexed, relative to {@link #corpus}. */
  public Set<String> files() {
    return new TreeSet<>(files);
  }

  /** The data folder {@code v} must be configured with. */
  public Path data(Variant v) {
    return work.data(v);
  }

  /**
   * Measures each variant, configured as given (with its {@link #data} folder and the
   * {@link #corpus}), in order, and returns the tables. {@code model} is the embedding model of
   * every variant with dense retrieval on, loaded once for the run; {@code progress} gets a line per step.
   */
  public String run(EmbeddingModel model, Map<Variant, NewsdeskConfig> configs, List<RtqaQuestion> questions,
                    PrintWriter progress) throws IOException {
    if (questions.isEmpty()) throw new IllegalArgumentException("no questions");
    List<VariantResult> results = new ArrayList<>();
    for (Map.Entry<Variant, NewsdeskConfig> e : configs.entrySet()) {
      results.add(measure(e.getKey(), e.getValue(), model, List.copyOf(questions), progress));
    }
    return "Indexing: a fresh index for each variant (kept: its last build, asked as it stands); embedded = passage\n"
        + "texts the model embedded, reused = those whose vector a build kept in the work folder lent; embedded/s over\n"
        + "the whole build's wall time; peak RSS: this JVM's during the variant\n\n" + RtqaTables.indexing(results)
        + "\nRetrieval: answer recall of the first 1/5/10 passages of search; latency of one search for 10 passages,\n"
        + "one thread, the question's embedding included\n\n" + RtqaTables.retrieval(results)
        + "\nAnswers: each question in a conversation of its own; answered = not \"" + Answer.NOT_FOUND + "\";\n"
        + "gold = the answer occurs in the answer text, quoted = in a cited quote; wrong = answered without gold\n\n"
        + RtqaTables.answers(results) + "\nVariants:\n" + RtqaTables.variants(results);
  }

  private VariantResult measure(Variant v, NewsdeskConfig config, EmbeddingModel model, List<RtqaQuestion> questions,
                                PrintWriter progress) throws IOException {
    boolean peakReset = PeakRss.reset();
    boolean keep = keepIndex && work.holds(v, files);
    if (!keep) work.prepare(v);
    CountingEmbeddingModel counting = new CountingEmbeddingModel(model);
    Built built;
    double unchangedSeconds;
    Searched searched;
    try (Newsdesk app = Newsdesk.of(config, counting)) {
      Optional<Built> fresh = keep ? Optional.empty() : Optional.of(build(v, app, counting, progress));
      long t0 = System.nanoTime();
      ReindexReport again = app.reindex(corpus, ReindexProgress.NONE, new PrintStream(OutputStream.nullOutputStream()));
      unchangedSeconds = seconds(t0);
      app.index().refresh();
      if (keep) { // settings that change the passages rebuild it here: say so rather than pass it off as kept
        say(progress, v, "asking over its last build in " + config.data() + ", kept as it stands");
        say(progress, v, "its reindex: " + again.countsLine());
        again.notices().forEach(n -> say(progress, v, n));
      }
      built = fresh.orElseGet(() -> new Built(again.articles(), again.passages(), Double.NaN, 0, 0, 0));

      warmUp(app, questions);
    }
    // Each timed phase runs in an application of its own, which remembers no vector yet: one that had
    // searched a question before would skip the embedding a reader's question costs. The model beneath
    // is shared (wrapped, so closing an application leaves it loaded).
    try (Newsdesk app = Newsdesk.of(config, new CountingEmbeddingModel(model))) {
      say(progress, v, "searching " + questions.size() + " questions");
      searched = search(app.searcher(), questions);
    }
    try (Newsdesk app = Newsdesk.of(config, new CountingEmbeddingModel(model))) {
      say(progress, v, "asking " + questions.size() + " questions");
      Asked asked = ask(app.answerer(), questions, answers.map(dir -> dir.resolve(v.name() + ".tsv")));
      return new VariantResult(v, built.articles(), built.passages(), built.seconds(),
          built.embedded(), built.sentences(), built.reused(), unchangedSeconds, questions.size(), searched.recall(), searched.ms(),
          asked.answered(), asked.gold(), asked.quoted(), asked.ms(), PeakRss.kib(), !peakReset);
    }
  }

  /** A variant's index: its articles and passages, and what building it took ({@code seconds} NaN for a kept build). */
  private record Built(int articles, int passages, double seconds, int embedded, int sentences, int reused) {}

  private record Searched(double[] recall, double[] ms) {}

  private record Asked(int answered, int gold, int quoted, double[] ms) {}

  /**
   * Builds {@code v}'s fresh index with the composition root's own indexer (as Newsdesk#indexer makes
   * it) given the kept builds as extra sources of vectors; {@code model} is the application's.
   */
  private Built build(Variant v, Newsdesk app, CountingEmbeddingModel model, PrintWriter progress) throws IOException {
    Optional<EmbeddingModel> dense = app.embeddingModel();
    NewsdeskConfig config = app.config();
    say(progress, v, "building a fresh index in " + config.data()
        + dense.map(m -> ", embedding with " + m.modelName()).orElse(", words only"));
    ReindexReport report;
    double seconds;
    int reused;
    try (WorkFolder.KeptVectors kept = dense.isPresent() ? work.keptVectors(v, model.modelName())
        : new WorkFolder.KeptVectors()) {
      if (!kept.names().isEmpty()) say(progress, v, "vectors kept in " + String.join(", ", kept.names()) + " are reused");
      ArticleIndexer indexer = new ArticleIndexer(app.index(), config.ingest(), dense,
          Runtime.getRuntime().availableProcessors(), kept.sources(), app.sentenceVectors().map(SideVectors.class::cast));
      long t0 = System.nanoTime();
      report = indexer.reindex(corpus, new EmbeddingTicks(ReindexProgress.lines(line -> say(progress, v, line)),
          line -> say(progress, v, line)));
      seconds = seconds(t0);
      reused = kept.lent();
    }
    app.index().refresh();
    work.finish(v, files);
    int sentences = app.sentenceVectors().map(SentenceVectors::embedded).orElse(0);
    int embedded = model.texts() - sentences;
    say(progress, v, String.format(Locale.ROOT, "%s; %,d articles, %,d passages in %.1f s; %,d passages embedded,"
        + " %,d reused; %,d sentences embedded", report.countsLine(), report.articles(), report.passages(), seconds,
        embedded, reused, sentences));
    return new Built(report.articles(), report.passages(), seconds, embedded, sentences, reused);
  }

  /** The first questions searched and asked, untimed, so the timed ones do not pay for the JVM's warming up. */
  private static void warmUp(Newsdesk app, List<RtqaQuestion> questions) {
    for (int i = 0; i < Math.min(SEARCH_WARM_UP, questions.size()); i++) {
      app.searcher().search(questions.get(i).text(), KS[KS.length - 1], questions.get(i).askedOn());
    }
    for (int i = 0; i < Math.min(ASK_WARM_UP, questions.size()); i++) {
      app.answerer().answer("rtqa-warm-up-" + i, questions.get(i).text(), questions.get(i).askedOn());
    }
  }

  /** Answer recall at {@link #KS} and the latency of each search, each question asked on its quiz's day. */
  private static Searched search(PassageSearcher searcher, List<RtqaQuestion> questions) {
    int limit = KS[KS.length - 1];
    int[] hits = new int[KS.length];
    double[] ms = new double[questions.size()];
    for (int i = 0; i < questions.size(); i++) {
      RtqaQuestion q = questions.get(i);
      long t = System.nanoTime();
      List<ScoredPassage> top = searcher.search(q.text(), limit, q.askedOn());
      ms[i] = (System.nanoTime() - t) / 1e6;
      for (int k = 0; k < KS.length; k++) {
        if (top.stream().limit(KS[k]).anyMatch(p -> q.answeredBy(p.passage().text()))) hits[k]++;
      }
    }
    double[] recall = new double[KS.length];
    for (int k = 0; k < KS.length; k++) recall[k] = (double) hits[k] / questions.size();
    return new Searched(recall, Percentiles.p50p99(ms));
  }

  /**
   * Every question asked on its quiz's day in a conversation of its own (no question follows another); each
   * answer written to {@code written} when given.
   */
  private static Asked ask(Answerer answerer, List<RtqaQuestion> questions, Optional<Path> written) throws IOException {
    int answered = 0, gold = 0, quoted = 0;
    double[] ms = new double[questions.size()];
    List<String> lines = new ArrayList<>(questions.size());
    for (int i = 0; i < questions.size(); i++) {
      RtqaQuestion q = questions.get(i);
      long t = System.nanoTime();
      Answer a = answerer.answer("rtqa-" + i, q.text(), q.askedOn());
      ms[i] = (System.nanoTime() - t) / 1e6;
      boolean isGold = a.answered() && q.answeredBy(a.text());
      boolean isQuoted = a.answered() && a.citations().stream().anyMatch(c -> q.answeredBy(c.quote()));
      if (a.answered()) answered++;
      if (isGold) gold++;
      if (isQuoted) quoted++;
      lines.add(String.join("\t", String.valueOf(i + 1), q.askedOn().toString(), flag(a.answered()), flag(isGold),
          flag(isQuoted), oneLine(q.text()), oneLine(q.answer()), oneLine(a.text())));
    }
    if (written.isPresent()) {
      Files.createDirectories(written.get().toAbsolutePath().getParent());
      Files.write(written.get(), lines, StandardCharsets.UTF_8);
    }
    return new Asked(answered, gold, quoted, Percentiles.p50p99(ms));
  }

  private static String flag(boolean b) {
    return b ? "1" : "0";
  }

  private static String oneLine(String text) {
    return text.replaceAll("[\\t\\r\\n]+", " ");
  }

  /** The indexer's progress lines, and one every {@link #STEP} passages embedded with the rate so far: a long build shows it moves. */
  private static final class EmbeddingTicks implements ReindexProgress {
    private static final int STEP = 2_000;
    private final ReindexProgress lines;
    private final Consumer<String> out;
    private final AtomicInteger embedded = new AtomicInteger();
    private final long started = System.nanoTime();

    EmbeddingTicks(ReindexProgress lines, Consumer<String> out) {
      this.lines = lines;
      this.out = out;
    }

    @Override
    public void note(String line) {
      lines.note(line);
    }

    @Override
    public void writing(int files, int articles, long chars) {
      lines.writing(files, articles, chars);
    }

    @Override
    public void fileWritten() {
      lines.fileWritten();
    }

    @Override
    public void embedded(int passages) {
      int after = embedded.addAndGet(passages);
      if (after / STEP > (after - passages) / STEP) {
        out.accept(String.format(Locale.ROOT, "embedded %,d passages, %.1f/s", after, after / seconds(started)));
      }
    }
  }

  private static void say(PrintWriter progress, Variant v, String line) {
    progress.println(v.name() + ": " + line);
    progress.flush();
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}

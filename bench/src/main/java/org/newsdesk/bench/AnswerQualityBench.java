package org.newsdesk.bench;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.newsdesk.bench.answers.NotFoundGrid;
import org.newsdesk.bench.answers.NotFoundGrid.Reading;
import org.newsdesk.bench.retrieval.SquadDataset;
import org.newsdesk.bench.retrieval.SquadDataset.Paragraph;
import org.newsdesk.bench.retrieval.SquadDataset.Question;
import org.newsdesk.bot.Newsdesk;
import org.newsdesk.bot.UserFacingException;
import org.newsdesk.bot.cli.ConfigOptions;
import org.newsdesk.config.AnswerConfig;
import org.newsdesk.config.NewsdeskConfig;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.answer.Answer;
import org.newsdesk.retrieval.answer.Answerer;
import org.newsdesk.retrieval.answer.Citation;
import org.newsdesk.retrieval.answer.ExtractiveComposer;
import org.newsdesk.retrieval.answer.SupportCheck;
import org.newsdesk.retrieval.embed.LazyEmbeddingModel;
import org.newsdesk.retrieval.embed.RecentEmbeddings;
import org.newsdesk.retrieval.ingest.Sentences;
import org.newsdesk.retrieval.ingest.Span;
import org.newsdesk.retrieval.search.PassageSearcher;
import org.newsdesk.retrieval.search.ScoredPassage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Extractive answers on SQuAD 2.0 dev, every paragraph indexed as one article, through the
 * application as the commands assemble it (words and meaning when dense retrieval is on): for
 * answerable questions, how often the gold answer text is in the answer and in its quotes; for
 * unanswerable ones and for off-topic questions over the seed articles, precision and recall of
 * "not found" across pairs of thresholds by words and by meaning ({@link NotFoundGrid}); and how the
 * citation support test treats near-copies, altered numbers and same-topic sentences. Both indexes
 * are kept in the work folder, so a rerun embeds nothing.
 */
@Command(name = "answer-quality", mixinStandardHelpOptions = true,
    description = {"Extractive answer quality on SQuAD 2.0 dev, and not-found precision and recall (SQuAD's"
        + " unanswerable questions, off-topic questions over the seeds) for pairs of newsdesk.answer.min-support and"
        + " newsdesk.answer.min-meaning. The indexes of SQuAD's paragraphs and of the seeds are kept in the work folder."})
public final class AnswerQualityBench implements Callable<Integer> {
  /** Questions the seed articles answer (one or more per article). */
  static final List<String> SEED_ANSWERABLE = List.of(
      "Did Lukashenko congratulate Americans on Independence Day?",
      "What did Lukashenko wish all Americans?",
      "What did Peskov say about Kaliningrad?",
      "When did the Kremlin last send Independence Day congratulations to an American leader?",
      "What did Interfax quote Peskov as saying?",
      "What did Putin's message to Obama call for?",
      "Why did the U.S. impose sanctions on Russian firms?",
      "Where is Biden travelling for the NATO meeting?",
      "How many refugees has Poland taken in?",
      "Who is the US ambassador to Russia?",
      "Which hack is Russia blamed for?",
      "What did Putin reply when Biden called him a killer?",
      "Why did Russia recall its ambassador Anatoly Antonov?",
      "What did the Kremlin say about the Kaliningrad blockade?",
      "Who warned that relations were on the verge of breaking down?");

  /** Questions the seed articles do not answer: off-topic, and news-like ones about things they never mention. */
  static final List<String> SEED_OFF_TOPIC = List.of(
      "What is the capital of Australia?",
      "Who won the 2018 football World Cup?",
      "What is the recipe for borscht?",
      "How tall is Mount Everest?",
      "When did the Berlin Wall fall?",
      "What did Merkel say about Brexit?",
      "Did the central bank raise interest rates?",
      "Where will the next Olympic Games be held?",
      "How much is a bitcoin worth?",
      "Which vaccine did Japan approve?");

  @Mixin ConfigOptions options;

  @Option(names = "--shared", paramLabel = "DIR", description = "Folder holding eval/squad2 and seeds (default: ../shared).")
  Path shared = Path.of("../shared");

  @Option(names = "--limit", paramLabel = "N", description = "Use only the first N SQuAD questions (default: all).")
  int limit;

  @Option(names = "--work", paramLabel = "DIR",
      description = "Where the indexes of SQuAD and the seeds are kept between runs (default: bench-answer-quality in the data folder).")
  Path work;

  private final Supplier<EmbeddingModel> model;

  /** With bge-small-en-v1.5, the product's embedding model. */
  public AnswerQualityBench() {
    this(LazyEmbeddingModel::bgeSmall);
  }

  /** With another embedding model (a stand-in, in tests). */
  AnswerQualityBench(Supplier<EmbeddingModel> model) {
    this.model = model;
  }

  @Override
  public Integer call() throws Exception {
    NewsdeskConfig base = options.config();
    Path file = shared.resolve("eval/squad2/dev-v2.0.json");
    if (!Files.isRegularFile(file)) throw new UserFacingException("no SQuAD file at " + file + "; pass --shared DIR");
    Path seeds = shared.resolve("seeds");
    if (!Files.isDirectory(seeds)) throw new UserFacingException("no seeds folder at " + seeds + "; pass --shared DIR");
    SquadDataset squad = SquadDataset.read(file);
    List<Paragraph> paragraphs = squad.paragraphs();
    List<Question> questions = squad.questions();
    if (limit > 0 && questions.size() > limit) questions = questions.subList(0, limit);

    Path dir = work != null ? work : base.data().resolve("bench-answer-quality");
    Path articles = Files.createDirectories(dir.resolve("squad/articles"));
    squad.writeArticles(articles.resolve("squad.jsonl"));
    NewsdeskConfig squadConfig = options.config(Map.of("newsdesk.articles", articles.toString(),
        "newsdesk.data", dir.resolve("squad/data").toString()));
    NewsdeskConfig seedConfig = options.config(Map.of("newsdesk.articles", seeds.toString(),
        "newsdesk.data", dir.resolve("seeds/data").toString()));
    AnswerConfig config = squadConfig.answer();
    int topK = squadConfig.retrieval().topK();
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());

    EmbeddingModel loaded = model.get();
    // The grid reads each answer's sentences a second time: the vectors of the first reading are remembered.
    EmbeddingModel recent = new RecentEmbeddings(loaded);
    try {
      List<Reading> seedReadings = new ArrayList<>();
      try (Newsdesk app = Newsdesk.of(seedConfig, recent).indexed(true, quiet)) {
        ExtractiveComposer any = anyDraft(config, app);
        Answerer answerer = app.answerer();
        int i = 0;
        for (String q : SEED_ANSWERABLE) seedReadings.add(reading(answerer, any, "seed-" + i++, q, false));
        for (String q : SEED_OFF_TOPIC) seedReadings.add(reading(answerer, any, "seed-" + i++, q, true));
      }

      try (Newsdesk app = Newsdesk.of(squadConfig, recent).indexed(true, quiet)) {
        PassageSearcher searcher = app.searcher();
        Answerer answerer = app.answerer();
        ExtractiveComposer any = anyDraft(config, app);
        List<Reading> readings = new ArrayList<>();
        int answerable = 0, answered = 0, goldInAnswer = 0, goldInQuotes = 0, goldParagraphRetrieved = 0;
        int impossible = 0, notFoundImpossible = 0;
        for (int i = 0; i < questions.size(); i++) {
          Question q = questions.get(i);
          if (i > 0 && i % 1000 == 0) System.err.printf(Locale.ROOT, "answered %,d of %,d questions%n", i, questions.size());
          Answer a = answerer.answer("squad-" + i, q.text());
          readings.add(Reading.of(any.compose(a.query(), a.retrieved()), q.impossible()));
          if (q.impossible()) {
            impossible++;
            if (!a.answered()) notFoundImpossible++;
            continue;
          }
          answerable++;
          List<ScoredPassage> top = searcher.search(q.text(), topK);
          if (top.stream().anyMatch(p -> p.passage().articleId().equals(q.paragraphId()))) goldParagraphRetrieved++;
          if (!a.answered()) continue;
          answered++;
          String text = a.text().toLowerCase(Locale.ROOT);
          String quotes = String.join(" ", a.citations().stream().map(Citation::quote).toList()).toLowerCase(Locale.ROOT);
          if (q.answers().stream().anyMatch(g -> text.contains(g.toLowerCase(Locale.ROOT)))) goldInAnswer++;
          if (q.answers().stream().anyMatch(g -> quotes.contains(g.toLowerCase(Locale.ROOT)))) goldInQuotes++;
        }

        System.out.printf(Locale.ROOT, "SQuAD 2.0 dev, extractive mode, min-support %.2f, min-meaning %.2f, top-k %d,"
            + " max-sentences %d, %s%n", config.minSupport(), config.minMeaning(), topK, config.maxSentences(),
            app.embeddingModel().map(m -> "sentences by words and meaning (" + m.modelName() + ")")
                .orElse("sentences by words only (dense retrieval off)"));
        System.out.printf(Locale.ROOT, "%n| answerable questions | %d |%n| --- | --- |%n", answerable);
        row("gold paragraph among retrieved passages", goldParagraphRetrieved, answerable);
        row("answered (not \"not found\")", answered, answerable);
        row("gold answer text in the answer", goldInAnswer, answerable);
        row("gold answer text in the cited quotes", goldInQuotes, answerable);

        System.out.printf(Locale.ROOT, "%nThe answerer at min-support %.2f, min-meaning %.2f: not found for %d of %d"
            + " unanswerable and %d of %d answerable questions (citation check included).%n", config.minSupport(),
            config.minMeaning(), notFoundImpossible, impossible, answerable - answered, answerable);
        System.out.printf(Locale.ROOT, "%n\"Not found\" when no sentence reaches min-support by words nor min-meaning"
            + " by meaning: SQuAD (%d unanswerable, %d answerable questions; precision = share of not-found answers that"
            + " were unanswerable, recall = share of unanswerable questions answered not-found) and the seeds (%d"
            + " answerable, %d off-topic questions); the configured pair in bold:%n%n",
            impossible, answerable, SEED_ANSWERABLE.size(), SEED_OFF_TOPIC.size());
        System.out.print(NotFoundGrid.table(readings, seedReadings, config.minSupport(), config.minMeaning()));
      }
    } finally {
      if (loaded instanceof AutoCloseable c) c.close();
    }
    supportCheck(paragraphs);
    return 0;
  }

  /** A composer that drafts from every sentence: its draft's best support and meaning are what the thresholds test. */
  private static ExtractiveComposer anyDraft(AnswerConfig config, Newsdesk app) {
    return new ExtractiveComposer(config.maxSentences(), 0.0, 0.0, app.embeddingModel());
  }

  /** Asks {@code question} in a conversation of its own, and reads the passages its answer read again, with no threshold. */
  private static Reading reading(Answerer answerer, ExtractiveComposer any, String conversation, String question,
                                 boolean offTopic) {
    Answer a = answerer.answer(conversation, question);
    return Reading.of(any.compose(a.query(), a.retrieved()), offTopic);
  }

  /** The support test on sentences of the SQuAD paragraphs (no questions involved). */
  private static void supportCheck(List<Paragraph> paragraphs) {
    int copies = 0, copiesOk = 0, numbers = 0, numbersOk = 0, others = 0, othersOk = 0;
    for (int i = 0; i < paragraphs.size(); i++) {
      Paragraph p = paragraphs.get(i);
      Passage own = passage(p);
      List<Span> sentences = Sentences.split(p.context());
      for (Span s : sentences) {
        String sentence = s.of(p.context());
        String[] words = sentence.split("\\s+");
        if (words.length < 6) continue;
        StringBuilder shortened = new StringBuilder();
        for (int w = 0; w < words.length; w++) if (w % 4 != 3) shortened.append(words[w]).append(' ');
        copies++;
        if (SupportCheck.support(shortened.toString(), own).score() >= SupportCheck.THRESHOLD) copiesOk++;
        var m = java.util.regex.Pattern.compile("\\b\\d{1,4}\\b").matcher(sentence);
        if (m.find()) {
          numbers++;
          String altered = sentence.substring(0, m.start()) + (Integer.parseInt(m.group()) + 7) + sentence.substring(m.end());
          if (SupportCheck.support(altered, own).score() >= SupportCheck.THRESHOLD) numbersOk++;
        }
        if (i + 1 < paragraphs.size() && paragraphs.get(i + 1).title().equals(p.title())) {
          others++;
          if (SupportCheck.support(sentence, passage(paragraphs.get(i + 1))).score() >= SupportCheck.THRESHOLD) othersOk++;
        }
      }
    }
    System.out.printf(Locale.ROOT, "%nCitation support test (threshold %.2f), sentences of SQuAD paragraphs:%n%n", SupportCheck.THRESHOLD);
    System.out.println("| sentence checked against | sentences | accepted |");
    System.out.println("| --- | --- | --- |");
    System.out.printf(Locale.ROOT, "| its own paragraph, every 4th word dropped | %d | %.3f |%n", copies, (double) copiesOk / copies);
    System.out.printf(Locale.ROOT, "| its own paragraph, one number changed | %d | %.3f |%n", numbers, (double) numbersOk / numbers);
    System.out.printf(Locale.ROOT, "| the next paragraph of the same article | %d | %.3f |%n", others, (double) othersOk / others);
  }

  private static Passage passage(Paragraph p) {
    return new Passage(p.id(), 0, p.title(), p.context(), Optional.empty(), Optional.empty(), Optional.empty(), 0,
        p.context().length());
  }

  private static void row(String label, int n, int of) {
    System.out.printf(Locale.ROOT, "| %s | %.3f (%d) |%n", label, of == 0 ? 0.0 : (double) n / of, n);
  }
}

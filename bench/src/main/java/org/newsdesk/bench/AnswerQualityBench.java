package org.newsdesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.io.OutputStream;
import java.io.PrintStream;
import org.newsdesk.bot.Newsdesk;
import org.newsdesk.bench.retrieval.SquadDataset;
import org.newsdesk.bench.retrieval.SquadDataset.Paragraph;
import org.newsdesk.bench.retrieval.SquadDataset.Question;
import org.newsdesk.bot.UserFacingException;
import org.newsdesk.config.AnswerConfig;
import org.newsdesk.config.NewsdeskConfig;
import org.newsdesk.config.RetrievalConfig;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.answer.Answer;
import org.newsdesk.retrieval.answer.AnswerPassages;
import org.newsdesk.retrieval.answer.Answerer;
import org.newsdesk.retrieval.answer.Citation;
import org.newsdesk.retrieval.answer.DefaultAnswerer;
import org.newsdesk.retrieval.answer.ExtractiveComposer;
import org.newsdesk.retrieval.answer.SupportCheck;
import org.newsdesk.retrieval.ingest.Sentences;
import org.newsdesk.retrieval.ingest.Span;
import org.newsdesk.retrieval.search.PassageSearcher;
import org.newsdesk.retrieval.search.ScoredPassage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Extractive answers on SQuAD 2.0 dev, every paragraph indexed as one article: for answerable
 * questions, how often the gold answer text is in the answer and in its quotes; for unanswerable
 * ones, precision and recall of "not found" across support thresholds; and how the citation
 * support test treats near-copies, altered numbers and same-topic sentences.
 */
@Command(name = "answer-quality", mixinStandardHelpOptions = true,
    description = "Extractive answer quality and not-found calibration on SQuAD 2.0 dev.")
public final class AnswerQualityBench implements Callable<Integer> {
  private static final double[] THRESHOLDS = {0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9};

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

  @Option(names = "--shared", paramLabel = "DIR", description = "Folder holding eval/squad2 (default ../shared).")
  Path shared = Path.of("../shared");

  @Option(names = "--limit", description = "Use only the first N questions (0 = all).")
  int limit;

  @Override
  public Integer call() throws Exception {
    Path file = shared.resolve("eval/squad2/dev-v2.0.json");
    if (!Files.isRegularFile(file)) throw new UserFacingException("no SQuAD file at " + file + "; pass --shared DIR");
    SquadDataset squad = SquadDataset.read(file);
    List<Paragraph> paragraphs = squad.paragraphs();
    List<Question> questions = squad.questions();
    if (limit > 0 && questions.size() > limit) questions = questions.subList(0, limit);

    Path tmp = Files.createTempDirectory("newsdesk-squad");
    Path articles = Files.createDirectories(tmp.resolve("articles"));
    ObjectMapper json = new ObjectMapper();
    try (Writer w = Files.newBufferedWriter(articles.resolve("squad.jsonl"), StandardCharsets.UTF_8)) {
      for (Paragraph p : paragraphs) {
        var o = json.createObjectNode().put("id", p.id()).put("title", p.title()).put("text", p.context());
        w.write(json.writeValueAsString(o));
        w.write('\n');
      }
    }
    NewsdeskConfig defaults = NewsdeskConfig.load(Map.of(), Map.of("newsdesk.articles", articles.toString(),
        "newsdesk.data", tmp.resolve("data").toString()));
    RetrievalConfig retrieval = defaults.retrieval();
    AnswerConfig config = defaults.answer();
    List<double[]> seedSupports = seedSupports();
    try (Newsdesk app = Newsdesk.of(defaults).indexed(true, new PrintStream(OutputStream.nullOutputStream()))) {
      PassageSearcher searcher = app.searcher();
      Answerer answerer = app.answerer();
      ExtractiveComposer any = new ExtractiveComposer(config.maxSentences(), 0.0);

      int answerable = 0, answered = 0, goldInAnswer = 0, goldInQuotes = 0, goldParagraphRetrieved = 0;
      int impossible = 0;
      List<double[]> supports = new ArrayList<>(); // {bestSupport, impossible ? 1 : 0}
      int i = 0;
      for (Question q : questions) {
        List<ScoredPassage> passages = searcher.search(q.text(), retrieval.topK());
        double best = bestSupport(any, searcher, q.text(), retrieval.topK());
        supports.add(new double[] {best, q.impossible() ? 1 : 0});
        if (q.impossible()) {
          impossible++;
          continue;
        }
        answerable++;
        if (passages.stream().anyMatch(p -> p.passage().articleId().equals(q.paragraphId()))) goldParagraphRetrieved++;
        Answer a = answerer.answer("squad-" + (i++), q.text());
        if (!a.answered()) continue;
        answered++;
        String text = a.text().toLowerCase(Locale.ROOT);
        String quotes = String.join(" ", a.citations().stream().map(Citation::quote).toList()).toLowerCase(Locale.ROOT);
        if (q.answers().stream().anyMatch(g -> text.contains(g.toLowerCase(Locale.ROOT)))) goldInAnswer++;
        if (q.answers().stream().anyMatch(g -> quotes.contains(g.toLowerCase(Locale.ROOT)))) goldInQuotes++;
      }

      System.out.printf(Locale.ROOT, "SQuAD 2.0 dev, extractive mode, min-support %.2f, top-k %d, max-sentences %d%n",
          config.minSupport(), retrieval.topK(), config.maxSentences());
      System.out.printf(Locale.ROOT, "%n| answerable questions | %d |%n| --- | --- |%n", answerable);
      row("gold paragraph among retrieved passages", goldParagraphRetrieved, answerable);
      row("answered (not \"not found\")", answered, answerable);
      row("gold answer text in the answer", goldInAnswer, answerable);
      row("gold answer text in the cited quotes", goldInQuotes, answerable);

      System.out.printf(Locale.ROOT, "%n\"Not found\" by support threshold: SQuAD (%d unanswerable, %d answerable"
          + " questions; precision = share of not-found answers that were unanswerable, recall = share of unanswerable"
          + " questions answered not-found) and the seeds (%d answerable, %d off-topic questions):%n%n",
          impossible, answerable, SEED_ANSWERABLE.size(), SEED_OFF_TOPIC.size());
      System.out.println("| min-support | not-found precision | not-found recall | answerable answered"
          + " | seeds: answerable answered | seeds: off-topic not found |");
      System.out.println("| --- | --- | --- | --- | --- | --- |");
      for (double t : THRESHOLDS) {
        int nf = 0, nfImpossible = 0, answerableAnswered = 0;
        for (double[] s : supports) {
          boolean notFound = s[0] < t;
          if (notFound) {
            nf++;
            if (s[1] == 1) nfImpossible++;
          } else if (s[1] == 0) {
            answerableAnswered++;
          }
        }
        long seedAnswered = seedSupports.stream().filter(x -> x[1] == 0 && x[0] >= t).count();
        long seedNotFound = seedSupports.stream().filter(x -> x[1] == 1 && x[0] < t).count();
        System.out.printf(Locale.ROOT, "| %s%.2f%s | %.3f | %.3f | %.3f | %d / %d | %d / %d |%n",
            t == config.minSupport() ? "**" : "", t, t == config.minSupport() ? "**" : "",
            nf == 0 ? 0.0 : (double) nfImpossible / nf, impossible == 0 ? 0.0 : (double) nfImpossible / impossible,
            answerable == 0 ? 0.0 : (double) answerableAnswered / answerable, seedAnswered, SEED_ANSWERABLE.size(),
            seedNotFound, SEED_OFF_TOPIC.size());
      }
    }
    supportCheck(paragraphs);
    return 0;
  }

  /** Best sentence support of the passages the extractive answer reads for {@code question}. */
  private static double bestSupport(ExtractiveComposer any, PassageSearcher searcher, String question, int topK) {
    return any.compose(question, new AnswerPassages(searcher, topK).find(question).read()).bestSupport();
  }

  /** {best support, off-topic ? 1 : 0} for every seed question, over an index of the seeds. */
  private List<double[]> seedSupports() throws IOException {
    Path seeds = shared.resolve("seeds");
    if (!Files.isDirectory(seeds)) throw new UserFacingException("no seeds folder at " + seeds + "; pass --shared DIR");
    NewsdeskConfig defaults = NewsdeskConfig.load(Map.of(), Map.of("newsdesk.articles", seeds.toString(),
        "newsdesk.data", Files.createTempDirectory("newsdesk-seeds").toString()));
    ExtractiveComposer any = new ExtractiveComposer(defaults.answer().maxSentences(), 0.0);
    List<double[]> out = new ArrayList<>();
    try (Newsdesk app = Newsdesk.of(defaults).indexed(true, new PrintStream(OutputStream.nullOutputStream()))) {
      PassageSearcher searcher = app.searcher();
      int k = defaults.retrieval().topK();
      for (String q : SEED_ANSWERABLE) out.add(new double[] {bestSupport(any, searcher, q, k), 0});
      for (String q : SEED_OFF_TOPIC) out.add(new double[] {bestSupport(any, searcher, q, k), 1});
    }
    return out;
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

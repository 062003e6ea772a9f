package org.newsdesk.bench.retrieval;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.newsdesk.bench.retrieval.SquadDataset.Paragraph;
import org.newsdesk.bench.retrieval.SquadDataset.Question;
import org.newsdesk.config.IngestConfig;
import org.newsdesk.config.RetrievalConfig;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.index.IndexFields;
import org.newsdesk.retrieval.index.NewsAnalyzer;
import org.newsdesk.retrieval.index.PassageDocuments;
import org.newsdesk.retrieval.ingest.Article;
import org.newsdesk.retrieval.ingest.PassageSplitter;
import org.newsdesk.retrieval.search.PassageQuery;
import org.newsdesk.retrieval.search.PassageSearcher;
import org.newsdesk.retrieval.search.QueryTerms;

/**
 * Retrieval quality on SQuAD 2.0 dev: each paragraph is one article (id {@code <title>#<index>},
 * headline = the Wikipedia title), indexed as a single passage as in the reference protocol; every
 * answerable question is asked and the gold article's rank (passages folded into articles, best
 * first) gives Recall@1/5/10 and MRR@10. Also runs a plain-BM25 replica of the reference, our
 * analyser without boosts, our configuration over passages from {@link PassageSplitter}, the
 * application's own searcher (words and meaning fused when dense retrieval is on) over the
 * paragraphs indexed as articles, and a grid over k1, b and the boosts.
 */
public final class SquadRetrievalBenchmark {
  private static final String[] HEADER = {"variant", "k1", "b", "title", "phrase", "slop", "R@1", "R@5", "R@10", "MRR@10"};

  /** Recall at 1, 5, 10 and MRR at 10 over all questions. */
  public record Metrics(double r1, double r5, double r10, double mrr10) {}

  /** One configuration of the search side: BM25 parameters, boosts and phrase slop. */
  public record Variant(String name, float k1, float b, float titleBoost, float phraseBoost, int slop) {
    String[] cells(Metrics m) {
      return new String[] {name, f(k1), f(b), f(titleBoost), f(phraseBoost), Integer.toString(slop),
          f3(m.r1()), f3(m.r5()), f3(m.r10()), f3(m.mrr10())};
    }
  }

  private final List<Paragraph> paragraphs;
  private final List<Question> questions;

  public SquadRetrievalBenchmark(SquadDataset squad) {
    paragraphs = squad.paragraphs();
    questions = squad.answerable();
  }

  /**
   * Runs every variant and the grid; prints the tables to {@code out}. {@code app} is the
   * application's searcher over the paragraphs written by {@link SquadDataset#writeArticles} and
   * indexed with {@code config} and {@code ingest}; its row in the first table is {@code appName}.
   */
  public void run(RetrievalConfig config, IngestConfig ingest, String appName, PassageSearcher app, PrintStream out)
      throws IOException {
    out.printf("SQuAD 2.0 dev: %d paragraphs, %d answerable questions%n%n", paragraphs.size(), questions.size());
    Analyzer ours = new NewsAnalyzer();
    Analyzer plain = plainAnalyzer();
    try (Directory oursDir = index(ours, wholeParagraphs());
         Directory plainDir = index(plain, wholeParagraphs());
         Directory splitDir = index(ours, splitParagraphs(ingest));
         DirectoryReader oursReader = DirectoryReader.open(oursDir);
         DirectoryReader plainReader = DirectoryReader.open(plainDir);
         DirectoryReader splitReader = DirectoryReader.open(splitDir)) {
      Variant configured = new Variant("newsdesk (config defaults)", config.k1(), config.b(), config.titleBoost(),
          config.phraseBoost(), PassageQuery.DEFAULT_SLOP);
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"reference plain BM25 (eval README)", "0.9", "0.4", "-", "-", "-", "0.811", "0.941", "0.960", "0.867"});
      Variant plainVariant = new Variant("plain BM25 replica (no stemming)", 0.9f, 0.4f, 0, 0, 0);
      rows.add(plainVariant.cells(evaluate(plainReader, plain, plainVariant)));
      Variant stemmed = new Variant("newsdesk analyser, BM25 only", 0.9f, 0.4f, 0, 0, 0);
      rows.add(stemmed.cells(evaluate(oursReader, ours, stemmed)));
      rows.add(configured.cells(evaluate(oursReader, ours, configured)));
      Variant split = new Variant("newsdesk, PassageSplitter chunks (" + splitReader.numDocs() + " passages)",
          config.k1(), config.b(), config.titleBoost(), config.phraseBoost(), PassageQuery.DEFAULT_SLOP);
      rows.add(split.cells(evaluate(splitReader, ours, split)));
      Variant shipped = new Variant(appName, config.k1(), config.b(), config.titleBoost(), config.phraseBoost(),
          PassageQuery.DEFAULT_SLOP);
      rows.add(shipped.cells(evaluate(app)));
      out.println(Table.markdown(HEADER, rows));

      out.println("Grid (newsdesk analyser, whole paragraphs), step 1: k1 x b without boosts");
      List<Scored> step1 = new ArrayList<>();
      for (float k1 : new float[] {0.6f, 0.9f, 1.2f, 1.5f, 2.0f}) {
        for (float b : new float[] {0.3f, 0.4f, 0.55f, 0.75f, 0.9f}) {
          Variant v = new Variant("grid", k1, b, 0, 0, 0);
          step1.add(new Scored(v, evaluate(oursReader, ours, v)));
        }
      }
      out.println(table(step1));
      Variant best1 = best(step1).variant();
      out.printf("Step 2: boosts at k1=%s b=%s%n", f(best1.k1()), f(best1.b()));
      List<Scored> step2 = new ArrayList<>();
      for (float title : new float[] {0f, 0.2f, 0.5f, 1.0f}) {
        for (float phrase : new float[] {0f, 0.2f, 0.5f, 0.8f, 1.2f}) {
          Variant v = new Variant("grid", best1.k1(), best1.b(), title, phrase, PassageQuery.DEFAULT_SLOP);
          step2.add(new Scored(v, evaluate(oursReader, ours, v)));
        }
      }
      out.println(table(step2));
      Variant best2 = best(step2).variant();
      out.println("Step 3: phrase slop and a second look at k1/b with the best boosts");
      List<Scored> step3 = new ArrayList<>();
      for (int slop : new int[] {0, 1, 2, 4, 8}) {
        Variant v = new Variant("grid", best2.k1(), best2.b(), best2.titleBoost(), best2.phraseBoost(), slop);
        step3.add(new Scored(v, evaluate(oursReader, ours, v)));
      }
      for (float k1 : new float[] {0.6f, 0.9f, 1.2f, 1.5f}) {
        for (float b : new float[] {0.3f, 0.4f, 0.55f, 0.75f}) {
          Variant v = new Variant("grid", k1, b, best2.titleBoost(), best2.phraseBoost(), best2.slop());
          step3.add(new Scored(v, evaluate(oursReader, ours, v)));
        }
      }
      out.println(table(step3));
      Variant best = best(step3).variant();
      out.printf("Best by MRR@10: k1=%s b=%s title-boost=%s phrase-boost=%s slop=%d%n", f(best.k1()), f(best.b()),
          f(best.titleBoost()), f(best.phraseBoost()), best.slop());
    }
  }

  private record Scored(Variant variant, Metrics metrics) {}

  private static Scored best(List<Scored> rows) {
    return rows.stream().max(Comparator.comparingDouble((Scored s) -> s.metrics().mrr10())
        .thenComparingDouble(s -> s.metrics().r1())).orElseThrow();
  }

  private static String table(List<Scored> rows) {
    List<String[]> cells = rows.stream()
        .sorted(Comparator.comparingDouble((Scored s) -> -s.metrics().mrr10()))
        .map(s -> s.variant().cells(s.metrics())).toList();
    return Table.markdown(HEADER, cells);
  }

  /** Lower-cased word tokens and a small stop list, no stemming: the reference's analysis. */
  static Analyzer plainAnalyzer() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream result = new StopFilter(new LowerCaseFilter(source), EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        return new TokenStreamComponents(source, result);
      }
    };
  }

  private List<Passage> wholeParagraphs() {
    List<Passage> out = new ArrayList<>(paragraphs.size());
    for (Paragraph p : paragraphs) {
      out.add(new Passage(p.id(), 0, p.title(), p.context(), Optional.empty(), Optional.empty(), Optional.empty(),
          0, p.context().length()));
    }
    return out;
  }

  private List<Passage> splitParagraphs(IngestConfig ingest) {
    PassageSplitter splitter = new PassageSplitter(ingest);
    List<Passage> out = new ArrayList<>();
    for (Paragraph p : paragraphs) {
      out.addAll(splitter.split(new Article(p.id(), p.title(), Optional.empty(), Optional.empty(), Optional.empty(),
          p.context())));
    }
    return out;
  }

  private static Directory index(Analyzer analyzer, List<Passage> passages) throws IOException {
    Directory dir = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
      for (Passage p : passages) w.addDocument(PassageDocuments.toDocument(p, p.articleId()));
    }
    return dir;
  }

  Metrics evaluate(DirectoryReader reader, Analyzer analyzer, Variant v) {
    IndexSearcher searcher = new IndexSearcher(reader);
    searcher.setSimilarity(new BM25Similarity(v.k1(), v.b()));
    PassageQuery builder = new PassageQuery(v.titleBoost(), v.phraseBoost(), v.slop());
    return metrics(questions.parallelStream().mapToInt(q -> rank(searcher, analyzer, builder, q)).toArray());
  }

  /** The metrics of {@code searcher} asked each question for 50 passages, as a reader's question is searched. */
  Metrics evaluate(PassageSearcher searcher) {
    return metrics(questions.parallelStream().mapToInt(q -> rank(
        searcher.search(q.text(), 50).stream().map(p -> p.passage().articleId()).iterator(), q)).toArray());
  }

  private static Metrics metrics(int[] ranks) {
    double r1 = 0;
    double r5 = 0;
    double r10 = 0;
    double mrr = 0;
    for (int rank : ranks) {
      if (rank == 1) r1++;
      if (rank >= 1 && rank <= 5) r5++;
      if (rank >= 1 && rank <= 10) {
        r10++;
        mrr += 1.0 / rank;
      }
    }
    int n = ranks.length;
    return new Metrics(r1 / n, r5 / n, r10 / n, mrr / n);
  }

  /** The gold article's rank in the top 50 passages of {@code searcher} for {@code q}'s query. */
  private static int rank(IndexSearcher searcher, Analyzer analyzer, PassageQuery builder, Question q) {
    Optional<Query> query = builder.build(QueryTerms.of(analyzer, q.text()));
    if (query.isEmpty()) return 0;
    try {
      ScoreDoc[] hits = searcher.search(query.get(), 50).scoreDocs;
      StoredFields stored = searcher.getIndexReader().storedFields();
      return rank(Arrays.stream(hits).map(sd -> articleId(stored, sd)).iterator(), q);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String articleId(StoredFields stored, ScoreDoc sd) {
    try {
      return stored.document(sd.doc, Set.of(IndexFields.ARTICLE_ID)).get(IndexFields.ARTICLE_ID);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Passages folded into articles: the 1-based rank of {@code q}'s gold article among the first ten
   * distinct articles of {@code passageArticles} (each passage's article id, best passage first), 0
   * when absent. Reads no further than the tenth distinct article.
   */
  private static int rank(Iterator<String> passageArticles, Question q) {
    Set<String> articles = new LinkedHashSet<>();
    while (passageArticles.hasNext() && articles.size() < 10) {
      String id = passageArticles.next();
      if (articles.add(id) && id.equals(q.paragraphId())) return articles.size();
    }
    return 0;
  }

  private static String f(float v) {
    String s = Float.toString(v);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }

  private static String f3(double v) {
    return String.format(java.util.Locale.ROOT, "%.3f", v);
  }
}

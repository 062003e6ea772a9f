package org.newsdesk.retrieval.search;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.newsdesk.config.HybridConfig;
import org.newsdesk.retrieval.index.IndexMismatchException;
import org.newsdesk.retrieval.index.IndexSignature;
import org.newsdesk.retrieval.index.PassageIndex;
import org.newsdesk.retrieval.index.PassageRankings;

/**
 * Passages by words and by meaning, over any {@link PassageIndex}: the question's BM25 ranking and
 * the ranking of the passage vectors nearest to its embedding, each cut to
 * {@link HybridConfig#candidates()}, fused as {@link HybridConfig#fusion()} says: by their scores, each
 * ranking's scaled to 0..1 and the meaning's weighted, or by weighted reciprocal rank fusion (a passage
 * at rank r of a ranking scores {@code weight / (rrfK + r)}, summed over both; the word ranking weighs 1).
 * The fused score is scaled to 0..1: 1 is the first passage of both rankings. Then recent news is
 * favoured: each fused score is multiplied by the {@link RecencyFavour} of
 * {@link HybridConfig#recencyWeight()} and {@link HybridConfig#recencyDays()}, and the candidates are
 * ranked again.
 * Both rankings come from one {@link PassageIndex#rankings()} view as hits (key, date, score), and
 * only the passages returned are read. Without a model (dense retrieval off) it is the index's BM25
 * ranking exactly, and nothing is embedded. Safe for concurrent searches.
 */
public final class HybridSearcher implements PassageSearcher {
  /** A question is embedded from at most this many characters: a pasted essay costs no more than a long question. */
  static final int MAX_EMBEDDED_CHARS = 2_000;
  /** Runs the search by meaning beside the search by words: a virtual thread each, nothing to shut down. */
  private static final Executor BESIDE = task -> Thread.ofVirtual().name("search-meaning").start(task);

  private final PassageIndex index;
  private final Optional<EmbeddingModel> model;
  private final HybridConfig config;
  private final RecencyFavour recency;
  private final Clock clock;

  /** A searcher whose "today" is the system's, in UTC. */
  public HybridSearcher(PassageIndex index, Optional<EmbeddingModel> model, HybridConfig config) {
    this(index, model, config, Clock.systemUTC());
  }

  /**
   * @param model the embedding model of the index's vectors: present exactly when {@code config} has dense retrieval on
   * @param clock tells the day a question is asked on when the caller does not say
   * @throws IndexMismatchException when the index was built with another model, or without vectors while dense is on
   */
  public HybridSearcher(PassageIndex index, Optional<EmbeddingModel> model, HybridConfig config, Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.index = Objects.requireNonNull(index, "index");
    this.model = Objects.requireNonNull(model, "model");
    this.config = Objects.requireNonNull(config, "config");
    this.recency = new RecencyFavour(config.recencyWeight(), config.recencyDays());
    if (config.dense() != model.isPresent()) {
      throw new IllegalArgumentException("an embedding model is needed exactly when dense retrieval is on (dense="
          + config.dense() + ", model " + model.map(EmbeddingModel::modelName).orElse("none") + ")");
    }
    checkIndex();
  }

  /** Fails unless the index (when there is one) holds vectors of this searcher's model; nothing to check when dense is off. */
  public void checkIndex() {
    if (model.isEmpty() || !index.hasIndex()) return;
    IndexSignature built = index.signature();
    String wanted = model.get().modelName();
    if (built.embeddingModel().equals(Optional.of(wanted))) return;
    throw new IndexMismatchException(built.embeddingModel()
        .map(m -> "the " + index + " was built with the embedding model " + m + ", not " + wanted
            + "; rebuild it with: newsdesk index --articles DIR")
        .orElse("the " + index + " was built without passage vectors, and dense retrieval embeds with " + wanted
            + "; rebuild it with: newsdesk index --articles DIR (or set newsdesk.retrieval.dense=false)"));
  }

  @Override
  public List<ScoredPassage> search(String question, int limit) {
    return search(question, limit, LocalDate.now(clock));
  }

  @Override
  public List<ScoredPassage> search(String question, int limit, LocalDate askedOn) {
    if (limit < 1) throw new IllegalArgumentException("limit must be >= 1, got " + limit);
    Objects.requireNonNull(askedOn, "askedOn");
    if (model.isEmpty()) return index.lexical(question, limit);
    if (!hasWord(question)) return List.of();
    checkIndex();
    int n = Math.max(limit, config.candidates());
    try (PassageRankings view = index.rankings()) {
      if (config.denseWeight() <= 0) return view.passages(ranked(fuse(view.lexical(question, n), List.of()), askedOn, limit));
      // The question is embedded and its neighbours found while the words are searched: two cores, half the wait.
      CompletableFuture<List<PassageHit>> meaning =
          CompletableFuture.supplyAsync(() -> view.nearest(embed(question), n), BESIDE);
      List<PassageHit> words;
      try {
        words = view.lexical(question, n);
      } catch (RuntimeException e) {
        meaning.handle((hits, failure) -> null).join(); // the view stays open until its other ranking is done
        throw e;
      }
      try {
        return view.passages(ranked(fuse(words, meaning.join()), askedOn, limit));
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException re) throw re;
        if (e.getCause() instanceof Error err) throw err;
        throw e;
      }
    }
  }

  @Override
  public boolean uses(String word, int passages) {
    if (passages < 1) throw new IllegalArgumentException("passages must be >= 1, got " + passages);
    try (PassageRankings view = index.rankings()) {
      return view.lexical(word, passages).size() >= passages;
    }
  }

  private float[] embed(String question) {
    String q = question.strip();
    if (q.length() > MAX_EMBEDDED_CHARS) q = q.substring(0, MAX_EMBEDDED_CHARS);
    String text = config.queryPrefix().isEmpty() ? q : config.queryPrefix() + " " + q;
    return model.get().embed(text).content().vector();
  }

  /** Whether the text has a letter or a digit: a question of symbols or emoji means nothing to search for. */
  private static boolean hasWord(String text) {
    return text != null && text.codePoints().anyMatch(Character::isLetterOrDigit);
  }

  /**
   * The two rankings (best first) fused by passage as the configuration says, in the order the words
   * ranking, then the meaning ranking, first gave them.
   */
  private Map<String, PassageHit> fuse(List<PassageHit> words, List<PassageHit> meaning) {
    return switch (config.fusion()) {
      case LINEAR -> fuseByScore(words, meaning, config.denseWeight());
      case RRF -> fuseByRank(words, meaning, config.denseWeight(), config.rrfK());
    };
  }

  /** The top {@code limit} of the fused passages, recent news favoured, ties in the order fused. */
  private List<PassageHit> ranked(Map<String, PassageHit> fused, LocalDate askedOn, int limit) {
    if (recency.weight() > 0) fused.replaceAll((key, hit) -> favourRecent(hit, askedOn, recency));
    return best(fused, limit);
  }

  /** {@code hit} with its score times the factor of {@code favour}: kept whole for an article of the day of asking. */
  static PassageHit favourRecent(PassageHit hit, LocalDate askedOn, RecencyFavour favour) {
    return hit.withScore((float) (hit.score() * favour.factor(hit.published(), askedOn)));
  }

  /**
   * Each ranking's scores scaled to 0..1 between its last and first candidate (a ranking of one
   * scores 1), the meaning's times {@code denseWeight}, summed, then divided by 1 + denseWeight.
   */
  static Map<String, PassageHit> fuseByScore(List<PassageHit> words, List<PassageHit> meaning, float denseWeight) {
    Map<String, PassageHit> fused = new LinkedHashMap<>();
    addScaled(fused, words, 1f / (1f + denseWeight));
    if (denseWeight > 0) addScaled(fused, meaning, denseWeight / (1f + denseWeight));
    return fused;
  }

  private static void addScaled(Map<String, PassageHit> fused, List<PassageHit> ranking, float weight) {
    float top = Float.NEGATIVE_INFINITY;
    float bottom = Float.POSITIVE_INFINITY;
    for (PassageHit hit : ranking) {
      top = Math.max(top, hit.score());
      bottom = Math.min(bottom, hit.score());
    }
    for (PassageHit hit : ranking) {
      float scaled = top > bottom ? (hit.score() - bottom) / (top - bottom) : 1f;
      add(fused, hit, weight * scaled);
    }
  }

  /** Weighted reciprocal rank fusion, scaled so that the first passage of both rankings scores 1. */
  static Map<String, PassageHit> fuseByRank(List<PassageHit> words, List<PassageHit> meaning, float denseWeight,
                                            int rrfK) {
    Map<String, PassageHit> fused = new LinkedHashMap<>();
    float best = (1f + denseWeight) / (rrfK + 1);
    addRanks(fused, words, 1f / best, rrfK);
    if (denseWeight > 0) addRanks(fused, meaning, denseWeight / best, rrfK);
    return fused;
  }

  private static void addRanks(Map<String, PassageHit> fused, List<PassageHit> ranking, float weight, int rrfK) {
    for (int i = 0; i < ranking.size(); i++) add(fused, ranking.get(i), weight / (rrfK + i + 1));
  }

  private static void add(Map<String, PassageHit> fused, PassageHit hit, float score) {
    fused.merge(hit.key(), hit.withScore(score), (old, more) -> old.withScore(old.score() + more.score()));
  }

  /** The top {@code limit} by score, ties in the map's order. */
  static List<PassageHit> best(Map<String, PassageHit> fused, int limit) {
    List<PassageHit> out = new ArrayList<>(fused.values());
    out.sort((a, b) -> Float.compare(b.score(), a.score()));
    return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
  }
}

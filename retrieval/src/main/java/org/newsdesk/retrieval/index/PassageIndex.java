package org.newsdesk.retrieval.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import org.newsdesk.retrieval.search.ScoredPassage;

/**
 * Where the passages live: embedded Lucene on this machine (the default), or a search cluster for
 * archives and deployments that outgrow one. Everything before and after it is the same for every
 * backend: a reindex plans, cleans, splits and embeds, then hands each file's passages to a
 * {@link PassageIndexWriter}; a search embeds the question, asks a {@link #rankings()} view for the
 * two primitive rankings (by words, by meaning), fuses them and reads the passages it keeps. Safe for
 * concurrent searches.
 */
public interface PassageIndex extends Closeable {
  /** Whether a committed index exists: a search can find something. */
  boolean hasIndex();

  /** Moves to the newest commit, so a running process sees a reindex made anywhere. */
  void refresh() throws IOException;

  /**
   * Passages by words, best first: BM25 over the passage text, the headline weighted by the title
   * boost, neighbouring question terms as sloppy phrases weighted by the phrase boost. User text
   * never goes through query syntax. Empty when nothing matches or there is no index yet.
   */
  default List<ScoredPassage> lexical(String question, int limit) {
    try (PassageRankings view = rankings()) {
      return view.passages(view.lexical(question, limit));
    }
  }

  /**
   * Passages by meaning, best first: the nearest passage vectors to {@code vector} (cosine). Empty
   * when the index holds no vectors or there is no index yet.
   */
  default List<ScoredPassage> nearest(float[] vector, int limit) {
    try (PassageRankings view = rankings()) {
      return view.passages(view.nearest(vector, limit));
    }
  }

  /**
   * A view for one search: both rankings from what is committed now, and the passages of the hits
   * kept (a hybrid search reads ten passages, not the 300 candidates it fuses). Close it.
   */
  PassageRankings rankings();

  /** What the last commit holds, for /sources: articles, passages, dates, when it was reindexed. */
  CorpusStats stats();

  /** How the last commit was built (embedding model, ingest settings); empty before the first commit. */
  IndexSignature signature();

  /**
   * Starts a reindex run. Nothing it writes is visible to searches before its commit; a run
   * closed without commit (or a process killed mid-run) leaves the last commit as it was.
   *
   * @throws ReindexBusyException when another run holds the index
   */
  PassageIndexWriter writer() throws IOException;
}

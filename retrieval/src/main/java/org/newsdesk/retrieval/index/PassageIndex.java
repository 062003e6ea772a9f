package org.newsdesk.retrieval.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import org.newsdesk.retrieval.search.ScoredPassage;

/**
 * Where the passages live: embedded Lucene on this machine (the default), or a search cluster for
 * archives and deployments that outgrow one. Everything before and after it is the same for every
 * backend: a reindex plans, cleans, splits and embeds, then hands each file's passages to a
 * {@link PassageIndexWriter}; a search embeds the question, asks for the two primitive rankings
 * ({@link #lexical}, {@link #nearest}) and fuses them. Safe for concurrent searches.
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
  List<ScoredPassage> lexical(String question, int limit);

  /**
   * Passages by meaning, best first: the nearest passage vectors to {@code vector} (cosine). Empty
   * when the index holds no vectors or there is no index yet.
   */
  List<ScoredPassage> nearest(float[] vector, int limit);

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

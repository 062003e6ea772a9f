package org.newsdesk.retrieval.index;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsdesk.retrieval.Passage;

/**
 * Vectors a reindex makes beside the passages' own, for whatever reads the passages later (the
 * reader's sentences), kept file by file: told of each file's passages as they are written, it
 * embeds what it does not hold yet on the reindex's own embedding workers, and commits just before
 * the index does, dropping what it held for files the index no longer has.
 */
public interface SideVectors {
  /** Embeds texts with the reindex's model, one vector per text, in order. */
  @FunctionalInterface
  interface Embedder {
    List<float[]> embed(List<String> texts) throws IOException;
  }

  /**
   * Of the files the index holds ({@code files}: path to the version its passages were written
   * from), those it was not filled for at that version: it was never filled for this model, or the
   * files were written while it was not in use. The reindex writes them again, reusing their
   * passages' vectors, so that it is.
   */
  Set<String> lacking(Map<String, String> files) throws IOException;

  /**
   * Makes, with {@code embed}, what the passages of the file at {@code path} need and it lacks,
   * and replaces what it held for that file; returns how many texts it embedded.
   */
  int add(String path, String version, List<Passage> passages, Embedder embed) throws IOException;

  /**
   * Drops what it holds for files other than {@code paths} (those the index keeps), and makes what
   * was added durable and visible; called once, before the index's own commit.
   */
  void commit(Set<String> paths) throws IOException;
}

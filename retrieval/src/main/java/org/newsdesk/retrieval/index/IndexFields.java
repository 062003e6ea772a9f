package org.newsdesk.retrieval.index;

/**
 * Field names shared by indexing and search. The index holds two kinds of documents, told apart by
 * {@link #TYPE}: one per passage, and one manifest per article file (what the next incremental
 * reindex needs). Only passages have the analysed {@link #TEXT} and {@link #TITLE} fields, so a
 * text query never matches a manifest.
 */
public final class IndexFields {
  private IndexFields() {}

  /** Document kind: {@link #TYPE_PASSAGE} or {@link #TYPE_FILE}. */
  public static final String TYPE = "type";
  public static final String TYPE_PASSAGE = "passage";
  public static final String TYPE_FILE = "file";

  /** Article file relative to the articles folder, '/'-separated; on passages and manifests alike. */
  public static final String PATH = "path";

  public static final String ARTICLE_ID = "article_id";
  public static final String ORDINAL = "ordinal";
  /** Headline, analysed (matched with a boost) and stored. */
  public static final String TITLE = "title";
  /** Passage text, analysed and stored. */
  public static final String TEXT = "text";
  public static final String URL = "url";
  /** ISO date, stored only. */
  public static final String PUBLISHED = "published";
  /**
   * The passage's key ({@code Passage.key()}) and its article's publication day (days since
   * 1970-01-01), as doc values only: what a ranking's hits carry, read without the stored fields.
   */
  public static final String KEY = "key";
  public static final String PUBLISHED_DAY = "published_day";
  public static final String SOURCE = "source";
  /** Offsets of the passage in the article's cleaned text. */
  public static final String START = "start";
  public static final String END = "end";
  /**
   * Hex SHA-256 of the text the embedding model reads for a passage ({@code EmbeddedText}), indexed
   * and stored: a later reindex finds the passage's vector by it instead of embedding it again.
   */
  public static final String TEXT_HASH = "text_hash";
  /** The passage's embedding, when the index holds vectors: HNSW graph, int8-quantised, cosine. */
  public static final String VECTOR = "vector";

  /** On manifests: the {@link FileManifest} as binary doc values ({@link ManifestCodec}). */
  public static final String MANIFEST_DATA = "manifest_data";

  /** Commit user data keys. */
  public static final String COMMIT_REINDEXED_AT = "reindexed_at";
  public static final String COMMIT_ARTICLES = "articles";
  public static final String COMMIT_PASSAGES = "passages";
  public static final String COMMIT_EARLIEST = "earliest_published";
  public static final String COMMIT_LATEST = "latest_published";
  /** The embedding model of the passage vectors; absent when the index holds none. */
  public static final String COMMIT_EMBEDDING_MODEL = "embedding_model";
  /** Digest of the ingest settings that shaped the passages. */
  public static final String COMMIT_INGEST = "ingest";
}

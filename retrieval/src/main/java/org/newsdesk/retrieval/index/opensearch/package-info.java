/**
 * The passage index on an OpenSearch cluster, behind {@link org.newsdesk.retrieval.index.PassageIndex}:
 * no OpenSearch type leaves this package.
 *
 * <h2>Layout</h2>
 * Searches use the configured name, an alias over one physical index {@code <alias>-<generation>}.
 * It holds three kinds of documents: passages (text, headline, citation fields, the hash of the
 * embedded text and its vector), one manifest per article file (what the incremental reindex
 * needs), and one commit document (the committed generation, corpus statistics, signature, BM25
 * settings). The analyser and BM25 similarity in the index settings are those of
 * {@code NewsAnalyzer} and the configured k1 and b; vectors are {@code knn_vector} fields (Lucene
 * engine, HNSW, cosine, 7-bit scalar quantisation: the k-NN plugin offers 1 or 7 bits), mapped
 * with the embedding model's dimension when a run writes the first vector. The commit document's
 * signature names the model and the ingest settings, so a reindex with others rewrites every file
 * and a search by meaning with another model is refused, as on Lucene. A file's documents are
 * routed by its path, so they share a shard.
 *
 * <h2>Commits: generations</h2>
 * OpenSearch has no transaction over many documents, so each reindex run writes under the next
 * generation: new documents carry {@code gen_from = G}; the documents of a replaced or deleted
 * file get {@code gen_to = G}. A reader at committed generation C sees a document when
 * {@code gen_from <= C} and it has no {@code gen_to} or {@code gen_to > C}, so nothing a run does is
 * visible before it commits, and an article's replacement appears whole. The commit refreshes the
 * index and then writes the commit document ({@code C = G}) in one single-document write: that
 * write is the moment every reader may move. Readers poll the commit document through the alias
 * and search the physical index and generation they last read, so one search never mixes two
 * commits, and every process on the cluster sees a reindex made by any of them within the poll
 * interval. Documents dead for the committed generation are deleted at the start of the next run.
 *
 * <h2>Rebuilds: a new index and an alias swap</h2>
 * A run that drops everything (another manifest format, or BM25 settings or shard count that
 * changed) builds a new physical index instead; its commit points the alias at it in one
 * {@code _aliases} request and deletes the old one. Until then readers search the old index;
 * a reader still on the deleted one reads the commit again and retries.
 *
 * <h2>Crashes and concurrent runs</h2>
 * A killed run leaves documents of an uncommitted generation (invisible) and marks that do not
 * yet count; the next run deletes and clears them, and drops a half-built index, before it starts.
 * One run at a time per alias: a lease document in {@code <alias>-lock}, renewed while the run lasts,
 * taken over when a killed run stopped renewing it.
 *
 * <h2>Requests</h2>
 * opensearch-java's HTTP transport (Apache HttpClient 5) carries every request; bodies are built as
 * JSON trees that read like OpenSearch's REST reference (analysis, {@code knn}, painless updates,
 * {@code collapse}), through its generic client. {@link org.newsdesk.retrieval.index.opensearch.OpenSearchHttp}
 * sorts failures: the cluster unreachable, overloaded or refusing credentials is an
 * {@link org.newsdesk.retrieval.index.IndexUnavailableException}.
 */
package org.newsdesk.retrieval.index.opensearch;

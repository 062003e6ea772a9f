package org.newsdesk.retrieval.answer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.newsdesk.config.AnswerConfig;
import org.newsdesk.config.IngestConfig;
import org.newsdesk.config.RetrievalConfig;
import org.newsdesk.retrieval.embed.LazyEmbeddingModel;
import org.newsdesk.retrieval.index.ArticleIndexer;
import org.newsdesk.retrieval.index.LucenePassageIndex;
import org.newsdesk.retrieval.search.HybridSearcher;

/**
 * The answer pipeline as Newsdesk runs it by default, over a folder of articles: the Lucene index
 * with bge-small vectors, words and meaning fused, sentences chosen by words and meaning. The
 * model is loaded once for all the tests of a run.
 */
final class DefaultPipeline implements AutoCloseable {
  static final LazyEmbeddingModel MODEL = LazyEmbeddingModel.bgeSmall();

  private final LucenePassageIndex index;
  final DefaultAnswerer answerer;

  private DefaultPipeline(LucenePassageIndex index, DefaultAnswerer answerer) {
    this.index = index;
    this.answerer = answerer;
  }

  /** Indexes {@code articles} into {@code data} and answers from it with the default settings. */
  static DefaultPipeline over(Path articles, Path data) throws IOException {
    RetrievalConfig retrieval = RetrievalConfig.defaults();
    LucenePassageIndex index = new LucenePassageIndex(LucenePassageIndex.directoryOf(data), retrieval);
    new ArticleIndexer(index, IngestConfig.defaults(), Optional.of(MODEL)).reindex(articles);
    index.refresh();
    HybridSearcher searcher = new HybridSearcher(index, Optional.of(MODEL), retrieval.hybrid());
    return new DefaultPipeline(index, new DefaultAnswerer(searcher, retrieval.topK(), AnswerConfig.defaults(),
        Optional.empty(), Optional.of(MODEL), Clock.systemUTC()));
  }

  @Override
  public void close() throws IOException {
    index.close();
  }
}

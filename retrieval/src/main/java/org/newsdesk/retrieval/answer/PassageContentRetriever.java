package org.newsdesk.retrieval.answer;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import java.util.List;
import java.util.Map;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.search.PassageSearcher;
import org.newsdesk.retrieval.search.ScoredPassage;

/**
 * The passage searcher as a LangChain4j {@link ContentRetriever}, for applications that compose
 * their own {@code RetrievalAugmentor} over a Newsdesk index. Every field of the passage travels
 * in the segment's metadata (offsets included), so a citation can point into the article; the
 * score travels as {@link ContentMetadata#SCORE}. Newsdesk's own answerer searches directly.
 */
public final class PassageContentRetriever implements ContentRetriever {
  private static final String ARTICLE_ID = "articleId";
  private static final String ORDINAL = "ordinal";
  private static final String TITLE = "title";
  private static final String URL = "url";
  private static final String PUBLISHED = "published";
  private static final String SOURCE = "source";
  private static final String START = "start";
  private static final String END = "end";

  private final PassageSearcher searcher;
  private final int limit;

  public PassageContentRetriever(PassageSearcher searcher, int limit) {
    if (limit < 1) throw new IllegalArgumentException("limit must be >= 1, got " + limit);
    this.searcher = searcher;
    this.limit = limit;
  }

  @Override
  public List<Content> retrieve(Query query) {
    return searcher.search(query.text(), limit).stream().map(PassageContentRetriever::content).toList();
  }

  private static Content content(ScoredPassage sp) {
    Passage p = sp.passage();
    Metadata m = new Metadata()
        .put(ARTICLE_ID, p.articleId())
        .put(ORDINAL, p.ordinal())
        .put(TITLE, p.title())
        .put(START, p.start())
        .put(END, p.end());
    p.url().ifPresent(u -> m.put(URL, u.toString()));
    p.published().ifPresent(d -> m.put(PUBLISHED, d.toString()));
    p.source().ifPresent(s -> m.put(SOURCE, s));
    return Content.from(TextSegment.from(p.text(), m), Map.of(ContentMetadata.SCORE, (double) sp.score()));
  }
}

package org.newsdesk.retrieval.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.query.Query;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsdesk.retrieval.Passage;

class PassageContentRetrieverTest {
  @Test
  void should_carry_every_field_needed_to_cite_the_passage_when_a_langchain4j_pipeline_retrieves() {
    // given
    Passage ferry = Fixtures.FERRY;
    PassageContentRetriever retriever = new PassageContentRetriever(Fixtures.fixedSearcher(List.of(ferry)), 3);

    // when
    List<Content> contents = retriever.retrieve(Query.from("When does the ferry sail?"));

    // then
    assertThat(contents).singleElement().satisfies(c -> {
      assertThat(c.textSegment().text()).isEqualTo(ferry.text());
      var m = c.textSegment().metadata();
      assertThat(m.getString("articleId")).isEqualTo(ferry.articleId());
      assertThat(m.getInteger("ordinal")).isEqualTo(ferry.ordinal());
      assertThat(m.getString("title")).isEqualTo(ferry.title());
      assertThat(m.getInteger("start")).isEqualTo(ferry.start());
      assertThat(m.getInteger("end")).isEqualTo(ferry.end());
      assertThat(m.getString("published")).isEqualTo(ferry.published().map(Object::toString).orElse(null));
      assertThat(c.metadata()).containsKey(ContentMetadata.SCORE);
    });
  }
}

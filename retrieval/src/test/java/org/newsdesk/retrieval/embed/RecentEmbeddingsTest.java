package org.newsdesk.retrieval.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentEmbeddingsTest {
  /** Embeds a text as (its length, its first letter) and notes every text it was asked for. */
  private static final class Counting implements EmbeddingModel {
    final List<String> embedded = new ArrayList<>();

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
      List<Embedding> out = new ArrayList<>();
      for (TextSegment s : segments) {
        embedded.add(s.text());
        out.add(Embedding.from(new float[] {s.text().length(), s.text().charAt(0)}));
      }
      return Response.from(out);
    }

    @Override
    public int dimension() {
      return 2;
    }
  }

  private static List<TextSegment> texts(String... texts) {
    return java.util.Arrays.stream(texts).map(TextSegment::from).toList();
  }

  @Test
  void should_embed_only_the_texts_it_does_not_remember_and_give_every_vector_in_the_order_asked() {
    // given
    Counting model = new Counting();
    RecentEmbeddings recent = new RecentEmbeddings(model, 3);
    recent.embedAll(texts("ferry", "tram"));

    // when
    List<Embedding> vectors = recent.embedAll(texts("bridge", "tram", "ferry")).content();

    // then
    assertThat(model.embedded).containsExactly("ferry", "tram", "bridge");
    assertThat(vectors).extracting(e -> e.vector()[0]).containsExactly(6f, 4f, 5f);
  }

  @Test
  void should_forget_the_text_used_least_recently_once_it_holds_its_capacity() {
    // given: ferry, tram and bridge remembered, then ferry used again
    Counting model = new Counting();
    RecentEmbeddings recent = new RecentEmbeddings(model, 3);
    recent.embedAll(texts("ferry", "tram", "bridge"));
    recent.embedAll(texts("ferry"));

    // when: a fourth text, then the three first again
    recent.embedAll(texts("library"));
    recent.embedAll(texts("ferry", "bridge", "tram"));

    // then: the tram, least recently used, was forgotten and embedded again; ferry and bridge were not
    assertThat(model.embedded).containsExactly("ferry", "tram", "bridge", "library", "tram");
  }

  @Test
  void should_refuse_a_capacity_of_nothing() {
    assertThatThrownBy(() -> new RecentEmbeddings(new Counting(), 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("capacity must be >= 1, got 0");
  }
}

package org.newsdesk.retrieval.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.util.Utils;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real model, from the weights inside its jar: loads offline and embeds by meaning. */
class BgeSmallEmbeddingModelTest {
  private static double dot(float[] a, float[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) d += a[i] * b[i];
    return d;
  }

  @Test
  void should_embed_by_meaning_from_the_weights_in_its_jar_with_djl_offline() {
    try (BgeSmallEmbeddingModel model = new BgeSmallEmbeddingModel()) {
      List<float[]> v = model.embedAll(List.of(
              TextSegment.from("The council approved a new tram line to the harbour."),
              TextSegment.from("Heavy rain flooded villages in the river valley.")))
          .content().stream().map(e -> e.vector()).toList();
      float[] question = model.embed("Which transport project did the city vote for?").content().vector();

      assertThat(Utils.isOfflineMode()).as("DJL offline, so it never calls EC2 metadata or telemetry").isTrue();
      assertThat(model.modelName()).isEqualTo("bge-small-en-v1.5-q");
      assertThat(model.dimension()).isEqualTo(384);
      assertThat(v).allSatisfy(x -> {
        assertThat(x).hasSize(384);
        assertThat(dot(x, x)).isCloseTo(1.0, within(1e-3));
      });
      assertThat(dot(question, v.get(0))).isGreaterThan(dot(question, v.get(1)) + 0.05);
    }
  }

  @Test
  void should_give_each_text_of_one_call_its_own_vector_in_order_when_they_run_side_by_side() {
    List<String> texts = List.of("The ferry runs again from Monday.", "A new school opened in the valley.",
        "The council raised the price of parking.", "Flood water reached the old bridge.",
        "The library reopened after two years.", "Fire crews worked through the night.");
    try (BgeSmallEmbeddingModel model = new BgeSmallEmbeddingModel()) {
      List<float[]> together = model.embedAll(texts.stream().map(TextSegment::from).toList())
          .content().stream().map(e -> e.vector()).toList();

      for (int i = 0; i < texts.size(); i++) {
        assertThat(together.get(i)).as(texts.get(i)).containsExactly(model.embed(texts.get(i)).content().vector());
      }
    }
  }

  @Test
  void should_read_a_text_up_to_its_512th_token_and_no_further() {
    String paragraph = "The council met on Tuesday to discuss the harbour tram, the new library and the budget. ";
    String longText = paragraph.repeat(40);
    try (BgeSmallEmbeddingModel model = new BgeSmallEmbeddingModel()) {
      float[] cut = model.embed(longText).content().vector();
      float[] withMore = model.embed(longText + "Heavy rain flooded villages in the river valley.").content().vector();
      float[] shorter = model.embed(paragraph.repeat(2)).content().vector();

      assertThat(withMore).containsExactly(cut);
      assertThat(dot(cut, cut)).isCloseTo(1.0, within(1e-3));
      assertThat(shorter).isNotEqualTo(cut);
    }
  }

  @Test
  void should_give_the_vectors_langchain4js_own_encoder_gives_so_vectors_already_indexed_stay_comparable() {
    List<String> texts = List.of("Council approves Riverside tram line\nThe council voted on Tuesday to build the line.",
        "Who is the head librarian?", "Ünïcödé café — “quotes” … and 2,500 euros.");
    try (BgeSmallEmbeddingModel model = new BgeSmallEmbeddingModel()) {
      BgeSmallEnV15QuantizedEmbeddingModel library = new BgeSmallEnV15QuantizedEmbeddingModel();
      for (String text : texts) {
        assertThat(dot(model.embed(text).content().vector(), library.embed(text).content().vector()))
            .as(text).isGreaterThan(0.99999);
      }
    }
  }
}

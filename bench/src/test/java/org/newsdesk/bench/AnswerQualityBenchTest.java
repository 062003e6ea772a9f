package org.newsdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.testkit.WordHashEmbeddingModel;
import picocli.CommandLine;

/**
 * {@code bench answer-quality} over a SQuAD fixture of two paragraphs, one question that a sentence
 * answers word for word and one unanswerable question that shares no word with anything but that
 * {@link MeaningFake} puts at cosine 0.72 from one sentence, and a seed folder of one article the
 * seed questions are not about.
 */
class AnswerQualityBenchTest {
  @TempDir Path dir;
  private final StringWriter err = new StringWriter();
  private final MeaningFake model = new MeaningFake();

  /**
   * The word-hash stand-in's vectors, with two dimensions of their own for a text about borscht and
   * one about crossings, at cosine 0.72 from each other and 0 from every other text.
   */
  private static final class MeaningFake implements EmbeddingModel {
    private final WordHashEmbeddingModel words = new WordHashEmbeddingModel();
    private final AtomicInteger texts = new AtomicInteger();

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
      texts.addAndGet(segments.size());
      List<Embedding> out = new ArrayList<>();
      for (TextSegment s : segments) {
        float[] v = new float[dimension()];
        if (s.text().contains("borscht")) {
          v[WordHashEmbeddingModel.DIMENSION] = 1;
        } else if (s.text().contains("Crossings")) {
          v[WordHashEmbeddingModel.DIMENSION] = 0.72f;
          v[WordHashEmbeddingModel.DIMENSION + 1] = (float) Math.sqrt(1 - 0.72 * 0.72);
        } else {
          System.arraycopy(words.vector(s.text()), 0, v, 0, WordHashEmbeddingModel.DIMENSION);
        }
        out.add(Embedding.from(v));
      }
      return Response.from(out);
    }

    /** Texts embedded so far. */
    int texts() {
      return texts.get();
    }

    @Override
    public int dimension() {
      return WordHashEmbeddingModel.DIMENSION + 2;
    }

    @Override
    public String modelName() {
      return "meaning-fake";
    }
  }

  private List<String> run() throws Exception {
    Path shared = dir.resolve("shared");
    Files.createDirectories(shared.resolve("eval/squad2"));
    Files.writeString(shared.resolve("eval/squad2/dev-v2.0.json"), """
        {"data": [{"title": "Harbour_Town", "paragraphs": [
          {"context": "The ferry to Lindholm island runs again from Monday, the port authority said. Crossings stopped in November after storms damaged the pier.",
           "qas": [{"question": "When does the ferry to Lindholm island run again?", "answers": [{"text": "from Monday"}]},
                   {"question": "What is the recipe for borscht?", "answers": [], "is_impossible": true}]},
          {"context": "Pupils moved into the new Brookvale school on Monday. The old building was closed by the council two years ago after an inspection found damp walls.",
           "qas": []}]}]}
        """);
    Files.createDirectories(shared.resolve("seeds"));
    Files.writeString(shared.resolve("seeds/bridge.txt"), "Bridge repairs finish early\n\nRepairs to the Carrow bridge"
        + " finished three weeks early, the city engineer said. The bridge carries about 9,000 cars a day.\n");
    PrintStream stdout = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      CommandLine cl = new CommandLine(new AnswerQualityBench(() -> model));
      cl.setExecutionExceptionHandler(BenchCommand.commandLine().getExecutionExceptionHandler());
      cl.setErr(new PrintWriter(err, true));
      assertThat(cl.execute("--shared", shared.toString(), "--data", dir.resolve("data").toString()))
          .as("exit code; stderr: %s", err).isZero();
    } finally {
      System.setOut(stdout);
    }
    return printed.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private static List<String> cells(String line) {
    return Arrays.stream(line.split("\\|")).skip(1).map(String::strip).toList();
  }

  @Test
  void should_report_not_found_for_each_pair_of_thresholds_with_the_configured_pair_in_bold() throws Exception {
    List<String> lines = run();

    assertThat(lines.getFirst()).isEqualTo("SQuAD 2.0 dev, extractive mode, min-support 0.55, min-meaning 0.70,"
        + " top-k 5, max-sentences 3, sentences by words and meaning (meaning-fake)");
    assertThat(lines).contains("The answerer at min-support 0.55, min-meaning 0.70: not found for 0 of 1 unanswerable"
        + " and 0 of 1 answerable questions (citation check included).");
    List<List<String>> grid = lines.stream().filter(l -> l.startsWith("| ") && cells(l).size() == 7)
        .map(AnswerQualityBenchTest::cells).filter(r -> !r.getFirst().matches("-+")).toList();
    assertThat(grid.getFirst()).containsExactly("min-support", "min-meaning", "not-found precision", "not-found recall",
        "answerable answered", "seeds: answerable answered", "seeds: off-topic not found");
    // 4 × 5 pairs, and the configured support (0.55, the default) with each meaning. The answerable question's sentence holds all its
    // words, so it is answered by words at every pair. The unanswerable one holds none, so it is not found unless
    // its closest sentence by meaning (0.72) reaches min-meaning. The seed article is about none of the seed questions.
    assertThat(grid).hasSize(1 + 25);
    for (List<String> row : grid.subList(1, grid.size())) {
      boolean byMeaning = Double.parseDouble(row.get(1).replace("**", "").split(" ")[0]) <= 0.72;
      assertThat(row.subList(2, 7).stream().map(c -> c.replace("**", "")).toList()).as(row.toString())
          .containsExactly(byMeaning ? "0.000" : "1.000", byMeaning ? "0.000" : "1.000", "1.000", "0 / 15", "10 / 10");
    }
    assertThat(grid).contains(List.of("**0.55**", "**0.70**", "**0.000**", "**0.000**", "**1.000**", "**0 / 15**",
        "**10 / 10**"));
    assertThat(grid.stream().filter(r -> r.getFirst().startsWith("**"))).hasSize(1);
    assertThat(grid).anyMatch(r -> r.get(1).equals("1.00 (words only)"));
  }

  @Test
  void should_embed_nothing_again_when_rerun_over_the_kept_indexes() throws Exception {
    run();
    int first = model.texts();

    run();

    // The second run embeds questions and sentences as it answers, but no passage: 2 paragraphs and 1 seed article.
    int second = model.texts() - first;
    assertThat(first - second).isEqualTo(3);
  }
}

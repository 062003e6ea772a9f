package org.newsdesk.bench.retrieval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQuAD 2.0 dev as the benchmarks read it: each paragraph is one article, its id
 * {@code <title>#<paragraph index>}, its title the Wikipedia title; each question keeps its
 * paragraph, whether it is unanswerable, and its gold answer texts.
 */
public record SquadDataset(List<Paragraph> paragraphs, List<Question> questions) {
  private static final Pattern WORD = Pattern.compile("[A-Za-z][a-z]+");

  public record Paragraph(String id, String title, String context) {}

  public record Question(String text, String paragraphId, boolean impossible, List<String> answers) {
    public Question {
      answers = List.copyOf(answers);
    }
  }

  public SquadDataset {
    paragraphs = List.copyOf(paragraphs);
    questions = List.copyOf(questions);
  }

  /** Reads the official SQuAD JSON ({@code data[].paragraphs[].qas[]}). */
  public static SquadDataset read(Path file) throws IOException {
    List<Paragraph> paragraphs = new ArrayList<>();
    List<Question> questions = new ArrayList<>();
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    for (JsonNode article : root.get("data")) {
      String name = article.get("title").asText();
      String title = name.replace('_', ' ');
      int index = 0;
      for (JsonNode para : article.get("paragraphs")) {
        String id = name + "#" + index++;
        paragraphs.add(new Paragraph(id, title, para.get("context").asText()));
        for (JsonNode qa : para.get("qas")) {
          List<String> answers = new ArrayList<>();
          for (JsonNode a : qa.get("answers")) answers.add(a.get("text").asText());
          questions.add(new Question(qa.get("question").asText(), id, qa.path("is_impossible").asBoolean(false),
              answers));
        }
      }
    }
    return new SquadDataset(paragraphs, questions);
  }

  /**
   * Writes each paragraph as one article of a .jsonl file (id, title, text), the corpus the
   * benchmarks index through the application. An unchanged file is left alone, so a rerun's
   * reindex finds it unchanged and embeds nothing.
   */
  public void writeArticles(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    StringBuilder sb = new StringBuilder();
    for (Paragraph p : paragraphs) {
      sb.append(json.writeValueAsString(json.createObjectNode().put("id", p.id()).put("title", p.title())
          .put("text", p.context()))).append('\n');
    }
    String text = sb.toString();
    if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) return;
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(text);
    }
  }

  /** Words of the paragraphs, most frequent first (lower-cased, two letters or more): a realistic vocabulary. */
  public List<String> vocabulary() {
    Map<String, Integer> counts = new HashMap<>();
    for (Paragraph p : paragraphs) {
      Matcher m = WORD.matcher(p.context());
      while (m.find()) counts.merge(m.group().toLowerCase(Locale.ROOT), 1, Integer::sum);
    }
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey).toList();
  }

  /** The questions whose paragraph holds the answer. */
  public List<Question> answerable() {
    return questions.stream().filter(q -> !q.impossible()).toList();
  }
}

package org.newsdesk.bench.rtqa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A RealTimeQA question and the answer text that scores it, read from {@code questions.jsonl}, and
 * the eval README's one rule for "the answer occurs in a text".
 */
public record RtqaQuestion(String text, String answer) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The {@code question} and {@code answer} of each line of {@code file}; blank lines are skipped. */
  public static List<RtqaQuestion> read(Path file) throws IOException {
    List<RtqaQuestion> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) continue;
      JsonNode q = JSON.readTree(line);
      out.add(new RtqaQuestion(q.path("question").asText(), q.path("answer").asText()));
    }
    return out;
  }

  /** Whether this question's answer occurs in {@code text}, both normalised. */
  public boolean answeredBy(String text) {
    return normalise(text).contains(normalise(answer));
  }

  /** The eval README's normal form: lower case, each run of non-word characters one space, padded with one at both ends. */
  public static String normalise(String text) {
    return " " + text.toLowerCase(Locale.ROOT).replaceAll("[\\W_]+", " ").strip() + " ";
  }
}

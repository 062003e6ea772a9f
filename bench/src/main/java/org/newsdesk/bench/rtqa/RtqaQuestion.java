package org.newsdesk.bench.rtqa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A RealTimeQA question, the answer text that scores it and the quiz's date (the day a reader asks
 * it: its "this week" is the week before), read from {@code questions.jsonl}, and the eval README's
 * one rule for "the answer occurs in a text".
 */
public record RtqaQuestion(String text, String answer, LocalDate askedOn) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The {@code question}, {@code answer} and {@code date} (ISO, its first ten characters the day) of
   * each line of {@code file}; blank lines are skipped.
   */
  public static List<RtqaQuestion> read(Path file) throws IOException {
    List<RtqaQuestion> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) continue;
      JsonNode q = JSON.readTree(lines.get(i));
      String date = q.path("date").asText();
      LocalDate day;
      try {
        day = LocalDate.parse(date.length() > 10 ? date.substring(0, 10) : date);
      } catch (DateTimeParseException e) {
        throw new IOException(file + " line " + (i + 1) + ": date must be an ISO day such as 2024-01-05, got \"" + date
            + "\"");
      }
      out.add(new RtqaQuestion(q.path("question").asText(), q.path("answer").asText(), day));
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

package org.newsdesk.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a deterministic corpus of news-like .txt articles for speed benchmarks and tests. Words are
 * drawn from a vocabulary ranked by frequency with a Zipf distribution (exponent 1), so a few words
 * are very common and most are rare, as in real text. An article has a headline of 5–10 words and
 * 4–12 paragraphs of 2–4 sentences of 8–30 words (about 470 words, 3 KB on average); 100 articles per folder.
 * Questions are taken from random sentences of the corpus (4–8 consecutive words after "what").
 */
public final class CorpusGenerator {
  private final String[] words;
  private final double[] cdf;
  private final long seed;

  /** {@code vocabulary} most frequent first. */
  public CorpusGenerator(List<String> vocabulary, long seed) {
    if (vocabulary.size() < 10) throw new IllegalArgumentException("vocabulary needs >= 10 words, got " + vocabulary.size());
    this.words = vocabulary.toArray(String[]::new);
    this.cdf = new double[words.length];
    double sum = 0;
    for (int i = 0; i < words.length; i++) {
      sum += 1.0 / (i + 1);
      cdf[i] = sum;
    }
    for (int i = 0; i < cdf.length; i++) cdf[i] /= sum;
    this.seed = seed;
  }

  /** What was written: bytes of article text, number of articles, and sample questions. */
  public record Corpus(long bytes, int articles, List<String> questions) {}

  /** A small built-in vocabulary, for tests that need volume rather than realism. */
  public static List<String> smallVocabulary() {
    return Arrays.asList(("the of and to in a is that for on was with he it as at by his from are were this "
        + "government minister city council police said year people new after first two last state report "
        + "president election market bank rates prices energy water river storm school hospital court judge "
        + "trial company workers strike union football club match season team coach player museum festival "
        + "bridge tram railway station harbour airport budget tax plan project protest villagers farmers "
        + "drought harvest weather forecast summit leaders talks treaty border army ship port trade export "
        + "import factory jobs wages inflation mayor village island mountain forest fire flood rescue crews")
        .split(" "));
  }

  /** Writes articles into {@code dir} until {@code targetBytes} of text are written. */
  public Corpus write(Path dir, long targetBytes, int questionCount) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<String> questions = new ArrayList<>();
    double questionChance = Math.min(1.0, questionCount * 160.0 / Math.max(1, targetBytes) * 1.5);
    long bytes = 0;
    int n = 0;
    while (bytes < targetBytes) {
      StringBuilder sb = new StringBuilder(4096);
      sentence(rnd, 5 + rnd.nextInt(6), false, sb);
      sb.append("\n\n");
      int paragraphs = 4 + rnd.nextInt(9);
      for (int p = 0; p < paragraphs; p++) {
        int sentences = 2 + rnd.nextInt(3);
        for (int s = 0; s < sentences; s++) {
          int from = sb.length();
          if (s > 0) sb.append(' ');
          sentence(rnd, 8 + rnd.nextInt(23), true, sb);
          if (questions.size() < questionCount && rnd.nextDouble() < questionChance) {
            questions.add(question(rnd, sb.substring(from)));
          }
        }
        sb.append("\n\n");
      }
      Path file = dir.resolve(String.format("%04d/article-%07d.txt", n / 100, n));
      Files.createDirectories(file.getParent());
      byte[] content = sb.toString().getBytes(StandardCharsets.UTF_8);
      Files.write(file, content);
      bytes += content.length;
      n++;
    }
    return new Corpus(bytes, n, questions);
  }

  private String word(SplittableRandom rnd) {
    int i = Arrays.binarySearch(cdf, rnd.nextDouble());
    return words[Math.min(words.length - 1, i < 0 ? -i - 1 : i)];
  }

  private void sentence(SplittableRandom rnd, int length, boolean period, StringBuilder sb) {
    for (int w = 0; w < length; w++) {
      String word = word(rnd);
      if (w == 0) {
        sb.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
      } else {
        sb.append(' ').append(word);
      }
      if (w > 2 && w < length - 2 && rnd.nextInt(12) == 0) sb.append(',');
    }
    if (period) sb.append('.');
  }

  private static String question(SplittableRandom rnd, String sentence) {
    String[] tokens = sentence.strip().replace(",", "").replace(".", "").split(" ");
    int len = Math.min(tokens.length, 4 + rnd.nextInt(5));
    int from = rnd.nextInt(tokens.length - len + 1);
    return "What " + String.join(" ", Arrays.copyOfRange(tokens, from, from + len)).toLowerCase(Locale.ROOT) + "?";
  }
}

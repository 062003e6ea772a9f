package org.newsdesk.retrieval.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The usual fixture: three short news articles written for these tests, as .txt files. */
public final class ThreeArticles {
  private ThreeArticles() {}

  public static final String TRAM = """
      Council approves a new tram line to the harbour

      The city council voted on Tuesday to build a tram line from the railway station to the harbour, \
      ending a decade of debate about how to connect the waterfront to the centre.

      Construction is planned to start next spring and should take three years. The line will have \
      eleven stops and run every six minutes at peak hours.

      Opponents said the budget of 240 million euros was too high and that buses would serve the \
      harbour district just as well.
      """;

  public static final String BANK = """
      Central bank raises interest rates for the third time this year

      The central bank lifted its main interest rate by a quarter point on Thursday, saying that \
      prices for food and energy were still rising faster than expected.

      The governor told reporters that the bank was ready to act again if inflation did not slow \
      before the autumn. Mortgage lenders are expected to pass the increase on within weeks.
      """;

  public static final String FLOOD = """
      Heavy rain floods villages in the river valley

      Hundreds of residents were evacuated overnight after the river burst its banks following two \
      days of heavy rain across the valley.

      Fire crews used boats to reach houses in the lowest streets, and the regional government \
      opened school halls as shelters. Forecasters expect the water to fall slowly over the weekend.
      """;

  /** Writes the three articles into {@code dir} (trams.txt, bank.txt, floods.txt) and returns it. */
  public static Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    write(dir.resolve("trams.txt"), TRAM);
    write(dir.resolve("bank.txt"), BANK);
    Files.createDirectories(dir.resolve("weather"));
    write(dir.resolve("weather/floods.txt"), FLOOD);
    return dir;
  }

  public static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** Copies every file of {@code from} into {@code to} (flat), so a test may change them. */
  public static Path copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.sorted(Comparator.naturalOrder()).toList()) {
        Files.copy(f, to.resolve(f.getFileName().toString()));
        to.resolve(f.getFileName().toString()).toFile().setWritable(true);
      }
    }
    return to;
  }

  /** The seeds folder beside the checkout (system property {@code newsdesk.shared}). */
  public static Path seeds() {
    String shared = System.getProperty("newsdesk.shared");
    if (shared == null) throw new IllegalStateException("system property newsdesk.shared is not set");
    return Path.of(shared, "seeds");
  }
}

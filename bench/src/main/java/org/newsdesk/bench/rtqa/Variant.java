package org.newsdesk.bench.rtqa;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.newsdesk.config.ConfigException;

/**
 * A configuration the rtqa benchmark measures: its name (also the folder of its index under the
 * work folder) and the settings it changes, applied over the defaults, the environment and
 * {@code --set} as a {@code --set} of its own would be.
 */
public record Variant(String name, Map<String, String> settings) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
  /** Settings the benchmark gives every variant itself: where its articles and its index are. */
  private static final Set<String> RESERVED = Set.of("newsdesk.data", "newsdesk.articles");

  /**
   * Newsdesk as it was before hybrid retrieval and the reader that weighs meaning: BM25 alone (so
   * the reader has words only, and no favour for recent news), 60–200-word passages, and the BM25
   * settings tuned on SQuAD.
   */
  public static final Variant BEFORE = new Variant("before", ordered(
      "newsdesk.retrieval.dense", "false",
      "newsdesk.answer.recency-weight", "0",
      "newsdesk.ingest.passage-min-words", "60",
      "newsdesk.ingest.passage-max-words", "200",
      "newsdesk.retrieval.k1", "0.9",
      "newsdesk.retrieval.b", "0.75",
      "newsdesk.retrieval.title-boost", "0.5",
      "newsdesk.retrieval.phrase-boost", "0.5"));

  /** Newsdesk as it ships: the current defaults. */
  public static final Variant AFTER = new Variant("after", Map.of());

  public Variant {
    if (!NAME.matcher(name).matches()) {
      throw new ConfigException("a variant's name must be 1-40 letters, digits, '.', '_' or '-' (a folder is named"
          + " after it), starting with a letter or digit, got \"" + name + "\"");
    }
    for (String key : settings.keySet()) {
      if (RESERVED.contains(key)) {
        throw new ConfigException("variant " + name + " sets " + key + ", which the benchmark sets itself"
            + " (use --work and --files)");
      }
    }
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  /**
   * A variant written {@code NAME:KEY=VALUE[,KEY=VALUE...]}, e.g.
   * {@code k1-1.2:newsdesk.retrieval.k1=1.2,newsdesk.retrieval.b=0.6}; {@code NAME:} alone is the defaults.
   */
  public static Variant parse(String spec) {
    int colon = spec.indexOf(':');
    if (colon < 0) throw malformed(spec);
    Map<String, String> settings = new LinkedHashMap<>();
    String list = spec.substring(colon + 1);
    if (!list.isBlank()) {
      for (String pair : list.split(",", -1)) {
        int eq = pair.indexOf('=');
        if (eq <= 0) throw malformed(spec);
        String key = pair.substring(0, eq).strip();
        if (settings.put(key, pair.substring(eq + 1).strip()) != null) {
          throw new ConfigException("variant " + spec.substring(0, colon) + " sets " + key + " twice");
        }
      }
    }
    return new Variant(spec.substring(0, colon), settings);
  }

  /**
   * The variants to run, in order: those {@code names} names (built in: before, after; or defined
   * with {@code --variant}), or when it is empty, before, after and every defined one.
   */
  public static List<Variant> chosen(List<Variant> defined, List<String> names) {
    Map<String, Variant> known = new LinkedHashMap<>();
    known.put(BEFORE.name(), BEFORE);
    known.put(AFTER.name(), AFTER);
    for (Variant v : defined) {
      if (known.containsKey(v.name())) {
        throw new ConfigException("variant " + v.name() + " is defined twice"
            + (v.name().equals(BEFORE.name()) || v.name().equals(AFTER.name()) ? " (it is built in)" : ""));
      }
      known.put(v.name(), v);
    }
    if (names.isEmpty()) return List.copyOf(known.values());
    List<Variant> out = new ArrayList<>();
    for (String n : names) {
      Variant v = known.get(n.strip());
      if (v == null) {
        throw new ConfigException("no variant named \"" + n.strip() + "\"; known: " + String.join(", ", known.keySet()));
      }
      if (out.contains(v)) throw new ConfigException("variant " + v.name() + " is listed twice in --variants");
      out.add(v);
    }
    return out;
  }

  /** Its settings as they were given, or "the defaults". */
  public String describe() {
    if (settings.isEmpty()) return "the defaults";
    return settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
  }

  private static ConfigException malformed(String spec) {
    return new ConfigException("--variant must be NAME:KEY=VALUE[,KEY=VALUE...], got \"" + spec + "\"");
  }

  private static Map<String, String> ordered(String... keyValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) m.put(keyValues[i], keyValues[i + 1]);
    return m;
  }
}

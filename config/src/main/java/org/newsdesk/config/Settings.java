package org.newsdesk.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Raw settings in three layers: the defaults in {@code config/newsdesk.properties}, then
 * environment variables ({@code newsdesk.retrieval.top-k} ← {@code NEWSDESK_RETRIEVAL_TOP_K}),
 * then command-line flags. Typed getters validate and fail naming the key and the bad value.
 */
public final class Settings {
  private static final String DEFAULTS = "newsdesk.properties";

  private final Map<String, String> values;
  private final Map<String, String> env;

  private Settings(Map<String, String> values, Map<String, String> env) {
    this.values = values;
    this.env = env;
  }

  /** The defaults shipped with the project, with {@code env} and then {@code overrides} on top. */
  public static Settings load(Map<String, String> env, Map<String, String> overrides) {
    Map<String, String> values = new TreeMap<>(defaults());
    for (String key : values.keySet()) {
      String fromEnv = env.get(envName(key));
      if (fromEnv != null) values.put(key, fromEnv);
    }
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      if (!values.containsKey(e.getKey())) {
        throw new ConfigException("unknown setting " + e.getKey() + " (see config/newsdesk.properties)");
      }
      values.put(e.getKey(), e.getValue());
    }
    return new Settings(values, Map.copyOf(env));
  }

  /** Only the shipped defaults: what tests and tools use when nothing is overridden. */
  public static Settings defaultsOnly() {
    return load(Map.of(), Map.of());
  }

  /** {@code newsdesk.retrieval.top-k} → {@code NEWSDESK_RETRIEVAL_TOP_K}. */
  public static String envName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** Every known key, sorted. */
  public Set<String> keys() {
    return values.keySet();
  }

  private static Map<String, String> defaults() {
    Properties p = new Properties();
    try (InputStream in = Settings.class.getResourceAsStream(DEFAULTS)) {
      if (in == null) throw new IllegalStateException("missing resource " + DEFAULTS);
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DEFAULTS, e);
    }
    Map<String, String> m = new TreeMap<>();
    p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k).trim()));
    return m;
  }

  /** A secret from the environment only; absent or blank means none. */
  public Optional<Secret> secret(SecretVariable variable) {
    String v = env.get(variable.name());
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(new Secret(v.trim()));
  }

  /** Every secret that is set, whether or not this command uses it: what the logs must mask. */
  public List<Secret> secrets() {
    return Arrays.stream(SecretVariable.values()).map(this::secret).flatMap(Optional::stream).toList();
  }

  /** A plain environment variable that is not a {@code newsdesk.*} key (e.g. TELEGRAM_API_URL). */
  public Optional<String> environment(String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  public String string(String key) {
    String v = raw(key);
    if (v.isEmpty()) throw bad(key, v, "must not be empty");
    return v;
  }

  public Optional<String> optionalString(String key) {
    String v = raw(key);
    return v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  public int integer(String key, int min, int max) {
    String v = raw(key);
    int n;
    try {
      n = Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw bad(key, v, "must be a whole number " + min + ".." + max);
    }
    if (n < min || n > max) throw bad(key, v, "must be " + min + ".." + max);
    return n;
  }

  public double decimal(String key, double min, double max) {
    String v = raw(key);
    double d;
    try {
      d = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw bad(key, v, "must be a number " + min + ".." + max);
    }
    if (!(d >= min && d <= max)) throw bad(key, v, "must be " + min + ".." + max);
    return d;
  }

  /** {@code true} or {@code false}, in any case. */
  public boolean bool(String key) {
    String v = raw(key);
    if (v.equalsIgnoreCase("true")) return true;
    if (v.equalsIgnoreCase("false")) return false;
    throw bad(key, v, "must be true or false");
  }

  public URI uri(String key) {
    return parseUri(key, string(key));
  }

  /** An absolute http(s) URL, or a failure naming {@code name} and the value. */
  public static URI parseUri(String name, String v) {
    try {
      URI u = new URI(v);
      if (u.getScheme() == null || u.getHost() == null) throw bad(name, v, "must be an absolute http(s) URL");
      if (!u.getScheme().equals("http") && !u.getScheme().equals("https")) {
        throw bad(name, v, "must be an http or https URL");
      }
      return u;
    } catch (URISyntaxException e) {
      throw bad(name, v, "must be a URL");
    }
  }

  /** Comma-separated Telegram-style numeric ids; empty means none. */
  public Set<Long> ids(String key) {
    String v = raw(key);
    Set<Long> ids = new LinkedHashSet<>();
    for (String part : v.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) continue;
      try {
        ids.add(Long.parseLong(p));
      } catch (NumberFormatException e) {
        throw bad(key, v, "must be comma-separated numeric user ids");
      }
    }
    return Set.copyOf(ids);
  }

  /** A list separated by {@code separator} (a literal string), blank items dropped. */
  public List<String> list(String key, String separator) {
    String v = raw(key);
    if (v.isEmpty()) return List.of();
    return Arrays.stream(v.split(java.util.regex.Pattern.quote(separator)))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
    String v = raw(key);
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(v)) return e;
    }
    String allowed = String.join(", ", Arrays.stream(type.getEnumConstants())
        .map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
    throw bad(key, v, "must be one of " + allowed);
  }

  private String raw(String key) {
    String v = values.get(key);
    if (v == null) throw new ConfigException("unknown setting " + key);
    return v.trim();
  }

  /** The standard failure: {@code newsdesk.retrieval.top-k must be 1..50, got 0}. */
  public static ConfigException bad(String key, String value, String rule) {
    return new ConfigException(key + " " + rule + ", got '" + value + "'");
  }
}

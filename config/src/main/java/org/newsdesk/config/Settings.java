package org.newsdesk.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Raw settings in layers: the defaults packaged with the code (a copy of
 * {@code config/newsdesk.properties} made at build time, which also names every setting there
 * is), the installation's own {@code config/newsdesk.properties} when the launcher names it (so an
 * edit takes effect at the next start, without a rebuild), then environment variables
 * ({@code newsdesk.retrieval.top-k} ← {@code NEWSDESK_RETRIEVAL_TOP_K}), then command-line flags.
 *
 * <p>A key no setting has, in any layer, stops startup naming it and the nearest known key: a typo
 * never falls back to a default in silence ({@link SettingLayers} merges the layers). The {@code NEWSDESK_*} variables that are not settings
 * are listed in {@link #NON_SETTING_VARIABLES} and {@link SecretVariable}. Typed getters validate
 * and fail naming the key and the bad value.
 *
 * <p>Relative paths follow where they were written: those of the properties files (the shipped
 * {@code samples} and {@code data}, or a maintainer's edit) belong to the installation and resolve
 * against its folder, so {@code ./newsdesk} works from any folder; those given in the environment or
 * on the command line are the user's, relative to the current folder.
 */
public final class Settings {
  /** The system property with which the launcher names the installation's properties file. */
  public static final String INSTALLED_DEFAULTS_PROPERTY = "newsdesk.config";
  /** The system property with which the launcher names the installation's folder (the one holding {@code newsdesk}). */
  public static final String HOME_PROPERTY = "newsdesk.home";
  /**
   * Environment variables that start like a setting's but are none: read by the launcher
   * ({@code NEWSDESK_JAVA_OPTS}), the OpenSearch user name and the tests' PostgreSQL and OpenSearch. Secrets
   * are in {@link SecretVariable}.
   */
  public static final Set<String> NON_SETTING_VARIABLES = Set.of("NEWSDESK_JAVA_OPTS",
      "NEWSDESK_TEST_PG_URL", "NEWSDESK_TEST_PG_USER", "NEWSDESK_TEST_PG_PASSWORD", "NEWSDESK_OPENSEARCH_USER",
      "NEWSDESK_TEST_OPENSEARCH_URL");

  private final Map<String, String> values;
  private final Map<String, String> env;
  private final Set<String> given;
  private final Optional<Path> home;

  private Settings(Map<String, String> values, Map<String, String> env, Set<String> given, Optional<Path> home) {
    this.values = values;
    this.env = env;
    this.given = Set.copyOf(given);
    this.home = home;
  }

  /** The packaged defaults, with {@code env} and then {@code overrides} on top. */
  public static Settings load(Map<String, String> env, Map<String, String> overrides) {
    return load(env, Optional.empty(), overrides);
  }

  /**
   * The packaged defaults, the {@code installed} properties file (when it exists), {@code env} and
   * then {@code overrides}, each on top of the one before.
   *
   * @throws ConfigException for a key, in any layer, that is no setting
   */
  public static Settings load(Map<String, String> env, Optional<Path> installed, Map<String, String> overrides) {
    return load(env, installed, Optional.empty(), overrides);
  }

  /**
   * As {@link #load(Map, Optional, Map)}, with the relative paths of the properties files resolved
   * against {@code home}, the installation's folder; without it they stay relative to the current folder.
   */
  public static Settings load(Map<String, String> env, Optional<Path> installed, Optional<Path> home,
                              Map<String, String> overrides) {
    SettingLayers.Merged merged = SettingLayers.merge(env, installed, overrides);
    return new Settings(merged.values(), Map.copyOf(env), merged.given(), home);
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

  /**
   * A path: relative to the installation's folder when it comes from a properties file and the
   * launcher named the folder, else as written (relative to the current folder).
   */
  public Path path(String key) {
    return resolved(key, string(key));
  }

  /** As {@link #path}; empty means none. */
  public Optional<Path> optionalPath(String key) {
    return optionalString(key).map(v -> resolved(key, v));
  }

  private Path resolved(String key, String value) {
    Path p;
    try {
      p = Path.of(value);
    } catch (java.nio.file.InvalidPathException e) {
      throw bad(key, value, "must be a path");
    }
    return given.contains(key) || p.isAbsolute() ? p : home.map(h -> h.resolve(p)).orElse(p);
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

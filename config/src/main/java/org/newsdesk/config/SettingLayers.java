package org.newsdesk.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The layers {@link Settings} are read from, merged: the packaged defaults (which name every setting
 * there is), the installation's properties file, {@code NEWSDESK_*} environment variables, then
 * command-line flags, each on top of the one before. A key no setting has, in any layer, stops the
 * merge naming it and the nearest known key: a typo never falls back to a default in silence.
 */
final class SettingLayers {
  private static final String DEFAULTS = "newsdesk.properties";
  private static final String ENV_PREFIX = "NEWSDESK_";

  /** Every setting's value, and the keys the user gave (in the environment or as a flag). */
  record Merged(Map<String, String> values, Set<String> given) {}

  private SettingLayers() {}

  /** @throws ConfigException for a key, in any layer, that is no setting */
  static Merged merge(Map<String, String> env, Optional<Path> installed, Map<String, String> overrides) {
    Set<String> given = new TreeSet<>();
    Map<String, String> values = new TreeMap<>(defaults());
    Set<String> known = Set.copyOf(values.keySet());
    if (installed.isPresent() && Files.isRegularFile(installed.get())) {
      Path file = installed.get();
      Map<String, String> edited;
      try (InputStream in = Files.newInputStream(file)) {
        edited = read(in);
      } catch (IOException e) {
        throw new ConfigException("cannot read " + file + ": " + e.getMessage());
      }
      for (Map.Entry<String, String> e : edited.entrySet()) {
        requireKnown(known, e.getKey(), "in " + file);
        values.put(e.getKey(), e.getValue());
      }
    }
    Map<String, String> byEnvName = new TreeMap<>();
    known.forEach(k -> byEnvName.put(Settings.envName(k), k));
    for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
      String name = e.getKey();
      if (!name.startsWith(ENV_PREFIX) || Settings.NON_SETTING_VARIABLES.contains(name) || isSecret(name)) continue;
      String key = byEnvName.get(name);
      if (key == null) {
        Set<String> names = new TreeSet<>(byEnvName.keySet());
        names.addAll(Settings.NON_SETTING_VARIABLES);
        Arrays.stream(SecretVariable.values()).map(Enum::name).forEach(names::add);
        throw new ConfigException("unknown environment variable " + name + nearest(name, names)
            .map(n -> " (did you mean " + n + "?)").orElse(" (config/newsdesk.properties lists every setting)"));
      }
      values.put(key, e.getValue());
      given.add(key);
    }
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      requireKnown(known, e.getKey(), "in --set");
      values.put(e.getKey(), e.getValue());
      given.add(e.getKey());
    }
    return new Merged(values, given);
  }

  private static boolean isSecret(String name) {
    return Arrays.stream(SecretVariable.values()).anyMatch(v -> v.name().equals(name));
  }

  private static void requireKnown(Set<String> known, String key, String where) {
    if (known.contains(key)) return;
    throw new ConfigException("unknown setting " + key + " " + where + nearest(key, known)
        .map(k -> " (did you mean " + k + "?)").orElse(" (config/newsdesk.properties lists every setting)"));
  }

  /** The candidate closest to {@code typed} by edit distance, if it is close enough to be a typo of it. */
  static Optional<String> nearest(String typed, Set<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : new TreeSet<>(candidates)) {
      int d = EditDistance.between(typed.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= Math.max(2, typed.length() / 4) ? Optional.of(best) : Optional.empty();
  }

  private static Map<String, String> defaults() {
    try (InputStream in = Settings.class.getResourceAsStream(DEFAULTS)) {
      if (in == null) throw new IllegalStateException("missing resource " + DEFAULTS);
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DEFAULTS, e);
    }
  }

  private static Map<String, String> read(InputStream in) throws IOException {
    Properties p = new Properties();
    p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    Map<String, String> m = new TreeMap<>();
    p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k).trim()));
    return m;
  }
}

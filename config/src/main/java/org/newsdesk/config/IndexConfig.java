package org.newsdesk.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the passages live: embedded Lucene under the data folder (the default), or an OpenSearch
 * cluster ({@link OpenSearch}) for archives and deployments that outgrow one machine.
 */
public record IndexConfig(Backend backend, OpenSearch openSearch) {
  public IndexConfig {
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(openSearch, "openSearch");
  }

  /** The index implementations. */
  public enum Backend {
    LUCENE, OPENSEARCH;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * An OpenSearch cluster: its URL, the name searches use (an alias over the index generations),
   * credentials from {@code NEWSDESK_OPENSEARCH_USER} and {@code NEWSDESK_OPENSEARCH_PASSWORD}
   * only, the CA certificate (PEM) that signed the cluster's certificate when the URL is https and
   * the JVM does not trust it already, and the primary shards of a new index.
   */
  public record OpenSearch(URI url, String index, Optional<String> user, Optional<Secret> password,
                           Optional<Path> caFile, int shards) {
    public static final String USER_ENV = "NEWSDESK_OPENSEARCH_USER";

    public OpenSearch {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
      Objects.requireNonNull(caFile, "caFile");
      if (shards < 1) throw new IllegalArgumentException("shards must be >= 1, got " + shards);
    }

    /** {@code http://127.0.0.1:9200 (index newsdesk-passages)}: names the cluster, never a credential. */
    public String describe() {
      return url + " (index " + index + ")";
    }
  }

  /** Lower case, digits, '-', '_' and '.': a name OpenSearch takes, with room for the generation suffix. */
  private static final Pattern INDEX_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,199}");

  public static IndexConfig from(Settings s) {
    Backend backend = s.enumValue("newsdesk.index.backend", Backend.class);
    String key = "newsdesk.index.opensearch.url";
    URI url = s.uri(key);
    if (url.getUserInfo() != null) {
      throw Settings.bad(key, url.getScheme() + "://…@" + url.getHost(),
          "must not hold credentials (set " + OpenSearch.USER_ENV + " and "
              + SecretVariable.NEWSDESK_OPENSEARCH_PASSWORD.name() + ")");
    }
    String index = s.string("newsdesk.index.opensearch.index");
    if (!INDEX_NAME.matcher(index).matches()) {
      throw Settings.bad("newsdesk.index.opensearch.index", index,
          "must be lower case letters, digits, '-', '_' or '.' (at most 200, not starting with a symbol)");
    }
    Optional<String> user = s.environment(OpenSearch.USER_ENV);
    Optional<Secret> password = s.secret(SecretVariable.NEWSDESK_OPENSEARCH_PASSWORD);
    if (password.isPresent() && user.isEmpty()) {
      throw new ConfigException(SecretVariable.NEWSDESK_OPENSEARCH_PASSWORD.name() + " is set but "
          + OpenSearch.USER_ENV + " is not; set both or neither");
    }
    Optional<Path> ca = s.optionalString("newsdesk.index.opensearch.ca-file").map(Path::of);
    if (ca.isPresent() && !Files.isRegularFile(ca.get())) {
      throw Settings.bad("newsdesk.index.opensearch.ca-file", ca.get().toString(), "must be a PEM file");
    }
    int shards = s.integer("newsdesk.index.opensearch.shards", 1, 1024);
    return new IndexConfig(backend, new OpenSearch(url, index, user, password, ca, shards));
  }

  public static IndexConfig defaults() {
    return from(Settings.defaultsOnly());
  }
}

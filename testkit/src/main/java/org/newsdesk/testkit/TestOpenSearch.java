package org.newsdesk.testkit;

import java.util.Optional;

/**
 * The OpenSearch the tests run against: {@code NEWSDESK_TEST_OPENSEARCH_URL} (or the system property
 * {@code newsdesk.test.opensearch.url}), which {@code ./newsdesk test} and {@code .ci/run} set after
 * starting one. Without it a test that needs OpenSearch fails, saying how to get one; it never skips.
 */
public final class TestOpenSearch {
  /** What a test without a cluster says. */
  public static final String HOW_TO = "OpenSearch tests need a running OpenSearch 3.6 with the k-NN plugin:"
      + " run ./newsdesk test (it starts one, as .ci/run does), or start one with"
      + " `export NEWSDESK_TEST_OPENSEARCH_URL=$(.ci/opensearch start)` and stop it with .ci/opensearch stop";

  private TestOpenSearch() {}

  /**
   * The cluster's URL, e.g. {@code http://127.0.0.1:9250}.
   *
   * @throws AssertionError when none is given, with {@link #HOW_TO}
   */
  public static String url() {
    return Optional.ofNullable(System.getenv("NEWSDESK_TEST_OPENSEARCH_URL"))
        .or(() -> Optional.ofNullable(System.getProperty("newsdesk.test.opensearch.url")))
        .filter(u -> !u.isBlank())
        .map(String::strip)
        .orElseThrow(() -> new AssertionError(HOW_TO));
  }
}

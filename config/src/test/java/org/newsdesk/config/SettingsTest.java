package org.newsdesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

  @Test
  void should_map_key_to_environment_name() {
    assertThat(Settings.envName("newsdesk.retrieval.top-k")).isEqualTo("NEWSDESK_RETRIEVAL_TOP_K");
  }

  @Test
  void should_take_environment_over_defaults_and_flags_over_both() {
    Settings fromEnv = Settings.load(Map.of("NEWSDESK_RETRIEVAL_TOP_K", "8"), Map.of());
    Settings fromFlag = Settings.load(Map.of("NEWSDESK_RETRIEVAL_TOP_K", "8"),
        Map.of("newsdesk.retrieval.top-k", "12"));

    assertThat(RetrievalConfig.from(Settings.defaultsOnly()).topK()).isEqualTo(5);
    assertThat(RetrievalConfig.from(fromEnv).topK()).isEqualTo(8);
    assertThat(RetrievalConfig.from(fromFlag).topK()).isEqualTo(12);
  }

  @Test
  void should_name_key_and_value_when_a_number_is_out_of_range() {
    Settings s = Settings.load(Map.of(), Map.of("newsdesk.retrieval.top-k", "0"));

    assertThatThrownBy(() -> RetrievalConfig.from(s))
        .isInstanceOf(ConfigException.class)
        .hasMessage("newsdesk.retrieval.top-k must be 1..50, got '0'");
  }

  @Test
  void should_name_key_and_value_when_a_number_is_not_a_number() {
    Settings s = Settings.load(Map.of("NEWSDESK_ANSWER_MAX_SENTENCES", "three"), Map.of());

    assertThatThrownBy(() -> AnswerConfig.from(s))
        .hasMessage("newsdesk.answer.max-sentences must be a whole number 1..10, got 'three'");
  }

  @Test
  void should_favour_recent_news_in_the_reader_by_a_quarter_fading_over_the_days_of_search() {
    AnswerConfig byDefault = AnswerConfig.defaults();
    AnswerConfig set = AnswerConfig.from(Settings.load(Map.of("NEWSDESK_ANSWER_RECENCY_WEIGHT", "0"),
        Map.of("newsdesk.retrieval.recency-days", "7")));

    assertThat(byDefault.recencyWeight()).isEqualTo(0.25);
    assertThat(byDefault.recencyDays()).isEqualTo(30);
    assertThat(set.recencyWeight()).isZero();
    assertThat(set.recencyDays()).isEqualTo(7);
    assertThatThrownBy(() -> AnswerConfig.from(Settings.load(Map.of(), Map.of("newsdesk.answer.recency-weight", "-1"))))
        .hasMessage("newsdesk.answer.recency-weight must be 0.0..10.0, got '-1'");
  }

  @Test
  void should_list_allowed_values_when_the_answer_mode_is_unknown() {
    Settings s = Settings.load(Map.of(), Map.of("newsdesk.answer.mode", "magic"));

    assertThatThrownBy(() -> AnswerConfig.from(s))
        .hasMessage("newsdesk.answer.mode must be one of extractive, openai, ollama, got 'magic'");
  }

  @Test
  void should_turn_dense_retrieval_on_fusing_scores_with_meaning_weighed_half_and_recent_news_favoured_when_nothing_is_set() {
    HybridConfig h = RetrievalConfig.defaults().hybrid();

    assertThat(h).isEqualTo(new HybridConfig(true, "", 150, 0.5f, 20, Fusion.LINEAR, 1.0f, 30));
  }

  @Test
  void should_read_the_hybrid_settings_from_flags() {
    Settings s = Settings.load(Map.of("NEWSDESK_RETRIEVAL_DENSE", "FALSE"), Map.of(
        "newsdesk.retrieval.query-prefix", "Represent this sentence for searching relevant passages:",
        "newsdesk.retrieval.candidates", "50", "newsdesk.retrieval.dense-weight", "0.5",
        "newsdesk.retrieval.rrf-k", "20", "newsdesk.retrieval.fusion", "RRF",
        "newsdesk.retrieval.recency-weight", "0", "newsdesk.retrieval.recency-days", "30"));

    assertThat(HybridConfig.from(s)).isEqualTo(new HybridConfig(false,
        "Represent this sentence for searching relevant passages:", 50, 0.5f, 20, Fusion.RRF, 0f, 30));
  }

  @Test
  void should_name_key_and_value_when_a_hybrid_setting_is_bad() {
    assertThatThrownBy(() -> HybridConfig.from(Settings.load(Map.of(), Map.of("newsdesk.retrieval.dense", "yes"))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("newsdesk.retrieval.dense must be true or false, got 'yes'");
    assertThatThrownBy(() -> HybridConfig.from(Settings.load(Map.of(), Map.of("newsdesk.retrieval.candidates", "0"))))
        .hasMessage("newsdesk.retrieval.candidates must be 1..1000, got '0'");
    assertThatThrownBy(() -> HybridConfig.from(Settings.load(Map.of(),
        Map.of("newsdesk.retrieval.dense-weight", "-1"))))
        .hasMessage("newsdesk.retrieval.dense-weight must be 0.0..10.0, got '-1'");
    assertThatThrownBy(() -> HybridConfig.from(Settings.load(Map.of(), Map.of("newsdesk.retrieval.rrf-k", "sixty"))))
        .hasMessage("newsdesk.retrieval.rrf-k must be a whole number 0..1000, got 'sixty'");
    assertThatThrownBy(() -> HybridConfig.from(Settings.load(Map.of(),
        Map.of("newsdesk.retrieval.recency-days", "0"))))
        .hasMessage("newsdesk.retrieval.recency-days must be 1..36500, got '0'");
  }

  @Test
  void should_name_an_unknown_flag_and_the_nearest_known_key() {
    assertThatThrownBy(() -> Settings.load(Map.of(), Map.of("newsdesk.retrieval.topk", "3")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("unknown setting newsdesk.retrieval.topk in --set (did you mean newsdesk.retrieval.top-k?)");
    assertThatThrownBy(() -> Settings.load(Map.of(), Map.of("colour", "blue")))
        .hasMessage("unknown setting colour in --set (config/newsdesk.properties lists every setting)");
  }

  @Test
  void should_name_an_unknown_newsdesk_variable_and_the_nearest_known_one() {
    assertThatThrownBy(() -> Settings.load(Map.of("NEWSDESK_RETRIEVAL_TOPK", "3"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("unknown environment variable NEWSDESK_RETRIEVAL_TOPK (did you mean NEWSDESK_RETRIEVAL_TOP_K?)");
    assertThatThrownBy(() -> Settings.load(Map.of("NEWSDESK_REVIEW_PASWORD", "x"), Map.of()))
        .hasMessage("unknown environment variable NEWSDESK_REVIEW_PASWORD (did you mean NEWSDESK_REVIEW_PASSWORD?)");
  }

  @Test
  void should_accept_the_variables_that_are_not_settings() {
    Map<String, String> env = new java.util.HashMap<>();
    for (SecretVariable v : SecretVariable.values()) env.put(v.name(), "secret-" + v.ordinal());
    for (String v : List.of("NEWSDESK_JAVA_OPTS", "NEWSDESK_TEST_PG_URL", "NEWSDESK_TEST_PG_USER",
        "NEWSDESK_TEST_PG_PASSWORD", "TELEGRAM_API_URL", "HOME")) {
      env.put(v, "x");
    }

    assertThat(Settings.load(env, Map.of()).keys()).contains("newsdesk.retrieval.top-k");
    assertThat(Settings.NON_SETTING_VARIABLES).containsExactlyInAnyOrder("NEWSDESK_JAVA_OPTS",
        "NEWSDESK_TEST_PG_URL", "NEWSDESK_TEST_PG_USER", "NEWSDESK_TEST_PG_PASSWORD", "NEWSDESK_OPENSEARCH_USER",
        "NEWSDESK_TEST_OPENSEARCH_URL");
  }

  @Test
  void should_read_the_log_level_as_a_setting_from_the_file_the_environment_and_the_flags() {
    assertThat(LogLevel.from(Settings.defaultsOnly())).isEqualTo(LogLevel.WARN);
    assertThat(LogLevel.from(Settings.load(Map.of("NEWSDESK_LOG_LEVEL", "info"), Map.of()))).isEqualTo(LogLevel.INFO);
    assertThat(LogLevel.from(Settings.load(Map.of("NEWSDESK_LOG_LEVEL", "info"), Map.of("newsdesk.log.level", "ERROR"))))
        .isEqualTo(LogLevel.ERROR);
    assertThatThrownBy(() -> LogLevel.from(Settings.load(Map.of("NEWSDESK_LOG_LEVEL", "loud"), Map.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessage("newsdesk.log.level must be one of error, warn, info, debug, got 'loud'");
  }

  @Test
  void should_take_the_installed_file_over_the_packaged_defaults_and_refuse_an_unknown_key_in_it(@TempDir Path dir)
      throws IOException {
    Path edited = Files.writeString(dir.resolve("newsdesk.properties"), "newsdesk.retrieval.top-k=9\n");
    Path typo = Files.writeString(dir.resolve("typo.properties"), "# edited by hand\nnewsdesk.retreival.top-k=9\n");

    assertThat(RetrievalConfig.from(Settings.load(Map.of(), Optional.of(edited), Map.of())).topK()).isEqualTo(9);
    assertThat(RetrievalConfig.from(Settings.load(Map.of("NEWSDESK_RETRIEVAL_TOP_K", "7"), Optional.of(edited),
        Map.of())).topK()).isEqualTo(7);
    assertThat(RetrievalConfig.from(Settings.load(Map.of(), Optional.of(dir.resolve("absent.properties")), Map.of()))
        .topK()).as("no installed file: the packaged defaults").isEqualTo(5);
    assertThatThrownBy(() -> Settings.load(Map.of(), Optional.of(typo), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("unknown setting newsdesk.retreival.top-k in " + typo
            + " (did you mean newsdesk.retrieval.top-k?)");
  }

  @Test
  void should_read_true_or_false_and_refuse_anything_else() {
    assertThat(ReviewConfig.from(Settings.load(Map.of(), Map.of("newsdesk.review.insecure-http", "TRUE")))
        .insecureHttp()).isTrue();
    assertThatThrownBy(() -> ReviewConfig.from(Settings.load(Map.of(), Map.of("newsdesk.review.insecure-http", "yes"))))
        .hasMessage("newsdesk.review.insecure-http must be true or false, got 'yes'");
  }

  @Test
  void should_reject_moderator_ids_that_are_not_numbers() {
    Settings s = Settings.load(Map.of("NEWSDESK_TELEGRAM_MODERATORS", "42, alice"), Map.of());

    assertThatThrownBy(() -> TelegramConfig.from(s))
        .hasMessage("newsdesk.telegram.moderators must be comma-separated numeric user ids, got '42, alice'");
  }

  @Test
  void should_read_moderator_ids_and_api_url_from_environment() {
    Settings s = Settings.load(Map.of("NEWSDESK_TELEGRAM_MODERATORS", "42, 7",
        "TELEGRAM_API_URL", "http://127.0.0.1:8081"), Map.of());

    TelegramConfig t = TelegramConfig.from(s);

    assertThat(t.moderators()).containsExactlyInAnyOrder(42L, 7L);
    assertThat(t.apiUrl()).hasToString("http://127.0.0.1:8081");
  }

  @Test
  void should_name_the_variable_when_the_api_url_is_not_http() {
    Settings s = Settings.load(Map.of("TELEGRAM_API_URL", "ftp://example.org"), Map.of());

    assertThatThrownBy(() -> TelegramConfig.from(s))
        .hasMessage("TELEGRAM_API_URL must be an http or https URL, got 'ftp://example.org'");
  }

  @Test
  void should_never_print_a_secret() {
    Settings s = Settings.load(Map.of("TELEGRAM_BOT_TOKEN", "123456:very-secret-token-value"), Map.of());

    TelegramConfig t = TelegramConfig.from(s);

    assertThat(t.token()).isPresent();
    assertThat(t.token().get().value()).isEqualTo("123456:very-secret-token-value");
    assertThat(t.toString()).doesNotContain("very-secret").contains("***");
  }

  @Test
  void should_treat_a_blank_secret_as_missing() {
    Settings s = Settings.load(Map.of("TELEGRAM_BOT_TOKEN", "  "), Map.of());

    assertThat(TelegramConfig.from(s).token()).isEmpty();
  }

  @Test
  void should_list_the_value_of_every_secret_variable_that_is_set_and_nothing_else() {
    Settings s = Settings.load(Map.of(
        "TELEGRAM_BOT_TOKEN", "123456:token-value",
        "NEWSDESK_LLM_API_KEY", "sk-llm-key",
        "NEWSDESK_LOG_PASSWORD", "db-password",
        "NEWSDESK_REVIEW_PASSWORD", " review-password ",
        "NEWSDESK_OPENSEARCH_PASSWORD", "opensearch-password",
        "NEWSDESK_REVIEW_KEYSTORE_PASSWORD", "keystore-password",
        "NEWSDESK_LOG_USER", "not-a-secret",
        "HOME", "/root"), Map.of());

    assertThat(s.secrets()).extracting(Secret::value).containsExactlyInAnyOrder("123456:token-value", "sk-llm-key",
        "db-password", "review-password", "opensearch-password", "keystore-password");
  }

  @Test
  void should_read_each_section_secret_from_its_registered_variable() {
    NewsdeskConfig c = NewsdeskConfig.load(Map.of("TELEGRAM_BOT_TOKEN", "t", "NEWSDESK_LLM_API_KEY", "k",
        "NEWSDESK_LOG_PASSWORD", "l", "NEWSDESK_REVIEW_PASSWORD", "r", "NEWSDESK_REVIEW_KEYSTORE_PASSWORD", "ks",
        "NEWSDESK_REVIEW_KEYSTORE", "/etc/newsdesk/review.p12", "NEWSDESK_OPENSEARCH_USER", "u",
        "NEWSDESK_OPENSEARCH_PASSWORD", "o"), Map.of());

    assertThat(c.telegram().token()).map(Secret::value).contains("t");
    assertThat(c.llm().apiKey()).map(Secret::value).contains("k");
    assertThat(c.log().password()).map(Secret::value).contains("l");
    assertThat(c.review().password()).map(Secret::value).contains("r");
    assertThat(c.review().keystorePassword()).map(Secret::value).contains("ks");
    assertThat(c.review().keystore()).contains(Path.of("/etc/newsdesk/review.p12"));
    assertThat(c.index().openSearch().user()).contains("u");
    assertThat(c.index().openSearch().password()).map(Secret::value).contains("o");
  }

  @Test
  void should_default_to_the_embedded_index_and_describe_the_cluster_without_credentials() {
    IndexConfig byDefault = IndexConfig.defaults();
    IndexConfig cluster = IndexConfig.from(Settings.load(
        Map.of("NEWSDESK_OPENSEARCH_USER", "newsdesk", "NEWSDESK_OPENSEARCH_PASSWORD", "s3cret-pw"),
        Map.of("newsdesk.index.backend", "opensearch", "newsdesk.index.opensearch.url", "https://search.example:9200",
            "newsdesk.index.opensearch.shards", "6")));

    assertThat(byDefault.backend()).isEqualTo(IndexConfig.Backend.LUCENE);
    assertThat(byDefault.openSearch().describe()).isEqualTo("http://127.0.0.1:9200 (index newsdesk-passages)");
    assertThat(byDefault.openSearch().user()).isEmpty();
    assertThat(cluster.backend()).isEqualTo(IndexConfig.Backend.OPENSEARCH);
    assertThat(cluster.openSearch().shards()).isEqualTo(6);
    assertThat(cluster.openSearch().describe()).isEqualTo("https://search.example:9200 (index newsdesk-passages)")
        .doesNotContain("s3cret-pw");
  }

  @Test
  void should_refuse_credentials_in_the_opensearch_url_without_repeating_them() {
    Settings s = Settings.load(Map.of(), Map.of("newsdesk.index.opensearch.url", "http://admin:s3cret-pw@search:9200"));

    assertThatThrownBy(() -> IndexConfig.from(s))
        .hasMessage("newsdesk.index.opensearch.url must not hold credentials (set NEWSDESK_OPENSEARCH_USER and"
            + " NEWSDESK_OPENSEARCH_PASSWORD), got 'http://…@search'")
        .message().doesNotContain("s3cret-pw");
  }

  @Test
  void should_refuse_an_opensearch_password_without_a_user() {
    Settings s = Settings.load(Map.of("NEWSDESK_OPENSEARCH_PASSWORD", "s3cret-pw"), Map.of());

    assertThatThrownBy(() -> IndexConfig.from(s))
        .hasMessage("NEWSDESK_OPENSEARCH_PASSWORD is set but NEWSDESK_OPENSEARCH_USER is not; set both or neither");
  }

  @Test
  void should_name_the_setting_when_the_index_name_or_backend_is_bad() {
    assertThatThrownBy(() -> IndexConfig.from(Settings.load(Map.of(), Map.of("newsdesk.index.opensearch.index", "News Desk"))))
        .hasMessage("newsdesk.index.opensearch.index must be lower case letters, digits, '-', '_' or '.'"
            + " (at most 200, not starting with a symbol), got 'News Desk'");
    assertThatThrownBy(() -> IndexConfig.from(Settings.load(Map.of(), Map.of("newsdesk.index.backend", "solr"))))
        .hasMessage("newsdesk.index.backend must be one of lucene, opensearch, got 'solr'");
    assertThatThrownBy(() -> IndexConfig.from(Settings.load(Map.of(), Map.of("newsdesk.index.opensearch.ca-file", "/no/such.pem"))))
        .hasMessage("newsdesk.index.opensearch.ca-file must be a PEM file, got '/no/such.pem'");
  }

  @Test
  void should_name_the_data_setting_when_it_points_at_a_file(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("notes.txt"), "not a folder");

    assertThatThrownBy(() -> NewsdeskConfig.load(Map.of(), Map.of("newsdesk.data", file.toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessage("newsdesk.data must be a folder (it is a file), got '" + file + "'");
  }

  @Test
  void should_compile_boilerplate_patterns_and_reject_a_broken_one() {
    Settings ok = Settings.load(Map.of(), Map.of("newsdesk.ingest.boilerplate-patterns", "^subscribe now.* || sign up"));
    Settings broken = Settings.load(Map.of(), Map.of("newsdesk.ingest.boilerplate-patterns", "(unclosed"));

    assertThat(IngestConfig.from(ok).boilerplatePatterns()).extracting(p -> p.pattern())
        .isEqualTo(List.of("^subscribe now.*", "sign up"));
    assertThatThrownBy(() -> IngestConfig.from(broken))
        .hasMessage("newsdesk.ingest.boilerplate-patterns must hold valid regular expressions, got '(unclosed'");
  }

  @Test
  void should_refuse_passage_bounds_that_cross() {
    Settings s = Settings.load(Map.of(), Map.of("newsdesk.ingest.passage-min-words", "300",
        "newsdesk.ingest.passage-max-words", "100"));

    assertThatThrownBy(() -> IngestConfig.from(s))
        .hasMessage("newsdesk.ingest.passage-max-words must be at least newsdesk.ingest.passage-min-words (300), got '100'");
  }

  @Test
  void should_put_sqlite_in_the_data_folder_unless_a_jdbc_url_is_set() {
    NewsdeskConfig byDefault = NewsdeskConfig.load(Map.of(), Map.of("newsdesk.data", "/tmp/nd"));
    NewsdeskConfig postgres = NewsdeskConfig.load(
        Map.of("NEWSDESK_LOG_JDBC_URL", "jdbc:postgresql://localhost/newsdesk"), Map.of());

    assertThat(byDefault.log().jdbcUrl()).isEqualTo("jdbc:sqlite:/tmp/nd/answers.db");
    assertThat(postgres.log().isPostgres()).isTrue();
    assertThatThrownBy(() -> NewsdeskConfig.load(Map.of("NEWSDESK_LOG_JDBC_URL", "jdbc:mysql://x/y"), Map.of()))
        .hasMessage("newsdesk.log.jdbc-url must be a jdbc:sqlite: or jdbc:postgresql: URL, got 'jdbc:mysql://x/y'");
  }

  @Test
  void should_document_every_key_with_a_comment_line_above_it() throws IOException {
    List<String> lines;
    try (InputStream in = Settings.class.getResourceAsStream("newsdesk.properties")) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("newsdesk.")) {
        assertThat(lines.get(i - 1)).as("comment above " + line).startsWith("#");
      }
    }
    assertThat(Settings.defaultsOnly().keys()).contains("newsdesk.retrieval.top-k", "newsdesk.answer.mode");
  }

  @Test
  void should_resolve_the_installation_s_paths_against_its_folder_and_given_ones_against_the_current_folder(
      @TempDir Path home) throws IOException {
    Path installed = Files.writeString(home.resolve("edited.properties"), "newsdesk.review.keystore=review.p12\n");

    NewsdeskConfig byDefault = NewsdeskConfig.from(Settings.load(Map.of(), Optional.of(installed), Optional.of(home),
        Map.of()));
    NewsdeskConfig given = NewsdeskConfig.from(Settings.load(Map.of("NEWSDESK_DATA", "my-data",
        "NEWSDESK_REVIEW_KEYSTORE", "mine.p12"), Optional.of(installed), Optional.of(home),
        Map.of("newsdesk.articles", "news")));
    NewsdeskConfig absolute = NewsdeskConfig.from(Settings.load(Map.of(), Optional.empty(), Optional.of(home),
        Map.of("newsdesk.data", "/srv/newsdesk")));

    assertThat(byDefault.articles()).isEqualTo(home.resolve("samples"));
    assertThat(byDefault.data()).isEqualTo(home.resolve("data"));
    assertThat(byDefault.review().keystore()).contains(home.resolve("review.p12"));
    assertThat(given.data()).isEqualTo(Path.of("my-data"));
    assertThat(given.articles()).isEqualTo(Path.of("news"));
    assertThat(given.review().keystore()).contains(Path.of("mine.p12"));
    assertThat(absolute.data()).isEqualTo(Path.of("/srv/newsdesk"));
  }

  @Test
  void should_load_every_section_from_the_shipped_defaults() {
    NewsdeskConfig c = NewsdeskConfig.load(Map.of(), Map.of());

    assertThat(c.answer().mode()).isEqualTo(AnswerMode.EXTRACTIVE);
    assertThat(c.telegram().apiUrl()).hasToString("https://api.telegram.org");
    assertThat(c.review().host()).isEqualTo("127.0.0.1");
    assertThat(c.articles()).hasToString("samples");
  }
}

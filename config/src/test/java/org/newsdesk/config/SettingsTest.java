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
  void should_list_allowed_values_when_the_answer_mode_is_unknown() {
    Settings s = Settings.load(Map.of(), Map.of("newsdesk.answer.mode", "magic"));

    assertThatThrownBy(() -> AnswerConfig.from(s))
        .hasMessage("newsdesk.answer.mode must be one of extractive, openai, ollama, got 'magic'");
  }

  @Test
  void should_turn_dense_retrieval_on_with_equal_weights_and_no_query_prefix_when_nothing_is_set() {
    HybridConfig h = RetrievalConfig.defaults().hybrid();

    assertThat(h).isEqualTo(new HybridConfig(true, "", 100, 1.0f, 60));
  }

  @Test
  void should_read_the_hybrid_settings_from_flags() {
    Settings s = Settings.load(Map.of("NEWSDESK_RETRIEVAL_DENSE", "FALSE"), Map.of(
        "newsdesk.retrieval.query-prefix", "Represent this sentence for searching relevant passages:",
        "newsdesk.retrieval.candidates", "50", "newsdesk.retrieval.dense-weight", "0.5",
        "newsdesk.retrieval.rrf-k", "20"));

    assertThat(HybridConfig.from(s)).isEqualTo(new HybridConfig(false,
        "Represent this sentence for searching relevant passages:", 50, 0.5f, 20));
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
  }

  @Test
  void should_reject_an_unknown_flag() {
    assertThatThrownBy(() -> Settings.load(Map.of(), Map.of("newsdesk.retrieval.topk", "3")))
        .hasMessage("unknown setting newsdesk.retrieval.topk (see config/newsdesk.properties)");
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
        "NEWSDESK_LOG_USER", "not-a-secret",
        "HOME", "/root"), Map.of());

    assertThat(s.secrets()).extracting(Secret::value).containsExactlyInAnyOrder("123456:token-value", "sk-llm-key",
        "db-password", "review-password", "opensearch-password");
  }

  @Test
  void should_read_each_section_secret_from_its_registered_variable() {
    NewsdeskConfig c = NewsdeskConfig.load(Map.of("TELEGRAM_BOT_TOKEN", "t", "NEWSDESK_LLM_API_KEY", "k",
        "NEWSDESK_LOG_PASSWORD", "l", "NEWSDESK_REVIEW_PASSWORD", "r"), Map.of());

    assertThat(c.telegram().token()).map(Secret::value).contains("t");
    assertThat(c.llm().apiKey()).map(Secret::value).contains("k");
    assertThat(c.log().password()).map(Secret::value).contains("l");
    assertThat(c.review().password()).map(Secret::value).contains("r");
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
  void should_load_every_section_from_the_shipped_defaults() {
    NewsdeskConfig c = NewsdeskConfig.load(Map.of(), Map.of());

    assertThat(c.answer().mode()).isEqualTo(AnswerMode.EXTRACTIVE);
    assertThat(c.telegram().apiUrl()).hasToString("https://api.telegram.org");
    assertThat(c.review().host()).isEqualTo("127.0.0.1");
    assertThat(c.articles()).hasToString("samples");
  }
}

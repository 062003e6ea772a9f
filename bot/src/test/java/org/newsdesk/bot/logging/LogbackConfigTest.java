package org.newsdesk.bot.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.config.LogLevel;
import org.newsdesk.config.Secret;
import org.slf4j.Logger;

/** The shipped logback.xml, loaded as the application loads it, with what it prints captured. */
class LogbackConfigTest {
  /** Most of {@link #TOKEN}'s secret half: the token is put together here, so no committed text is token-shaped. */
  static final String TOKEN_WORDS = "FakeTokenForTheLogTestOnly";
  static final String TOKEN = "7712345678" + ":" + TOKEN_WORDS + "_0123456789";
  static final String API_KEY = "sk-proj-LogTestKey0123456789abcdefABCDEF";
  static final String DB_PASSWORD = "db-pass-Quokka-4471";
  static final String REVIEW_PASSWORD = "review-pass-Wombat-9023";
  static final String OPENSEARCH_PASSWORD = "os-pass-Numbat-1188";
  static final String OTHER_TOKEN_WORDS = "AnotherTokenNobodyConfigured";
  /** Never registered: only its shape gives it away. */
  static final String OTHER_TOKEN = "5550001111" + ":" + OTHER_TOKEN_WORDS + "_abcdef";

  @TempDir Path data;
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private PrintStream realErr;
  private LoggerContext context;

  @BeforeEach
  void setUp() {
    SecretMask.register(List.of(new Secret(TOKEN), new Secret(API_KEY), new Secret(DB_PASSWORD),
        new Secret(REVIEW_PASSWORD), new Secret(OPENSEARCH_PASSWORD)));
    realErr = System.err;
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    context = new LoggerContext();
    context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
  }

  @AfterEach
  void tearDown() {
    context.stop();
    System.setErr(realErr);
  }

  static URL shippedConfig() throws IOException {
    return Path.of("src/main/resources/logback.xml").toUri().toURL();
  }

  private static IllegalStateException failureCarryingSecrets() {
    IOException cause = new IOException("server answered 401: {\"error\":\"bad key\",\"echo\":\"Authorization: Bearer "
        + API_KEY + "\",\"db\":\"" + DB_PASSWORD + "\",\"os\":\"" + OPENSEARCH_PASSWORD + "\"}");
    return new IllegalStateException("POST https://api.telegram.org/bot" + TOKEN + "/sendMessage failed", cause);
  }

  private String stderr() {
    return stderr.toString(StandardCharsets.UTF_8);
  }

  private static int count(String text, String part) {
    Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
    int n = 0;
    while (m.find()) n++;
    return n;
  }

  private static void assertNoSecret(String text) {
    assertThat(text).doesNotContain(TOKEN, TOKEN_WORDS, API_KEY, "LogTestKey", DB_PASSWORD,
        REVIEW_PASSWORD, OPENSEARCH_PASSWORD, OTHER_TOKEN, OTHER_TOKEN_WORDS);
  }

  @Test
  void should_print_the_trace_once_in_the_file_and_one_masked_line_on_the_terminal() throws Exception {
    Path file = LogFile.configure(context, shippedConfig(), data.resolve("logs")).orElseThrow();
    assertThat(new StatusUtil(context).getHighestLevel(0)).as("Logback's own complaints about the file")
        .isLessThan(Status.WARN);
    Logger log = context.getLogger("org.newsdesk.bot.telegram.UpdateHandler");

    log.atError().setCause(failureCarryingSecrets()).addKeyValue("url", "https://api.telegram.org/bot" + OTHER_TOKEN)
        .addKeyValue("incident", "0badf00d").log("answering failed for moderator password " + REVIEW_PASSWORD);
    context.stop();

    String terminal = stderr();
    assertNoSecret(terminal);
    assertThat(terminal.lines().toList()).singleElement().satisfies(line -> assertThat(line)
        .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ERROR o\\.n\\.b\\.t\\.UpdateHandler .*")
        .endsWith(" answering failed for moderator password *** url=https://api.telegram.org/bot*** incident=0badf00d"
            + " (POST https://api.telegram.org/bot***/sendMessage failed: server answered 401: {\"error\":\"bad key\","
            + "\"echo\":\"Authorization: Bearer ***\",\"db\":\"***\",\"os\":\"***\"})"));

    assertThat(file.getParent()).isEqualTo(data.resolve("logs").toAbsolutePath());
    assertThat(file.getFileName().toString()).matches("newsdesk-\\d{4}-\\d\\d-\\d\\d\\.log");
    String logged = Files.readString(file);
    assertNoSecret(logged);
    assertThat(count(logged, "answering failed for moderator password *** url=https://api.telegram.org/bot***"
        + " incident=0badf00d")).isEqualTo(1);
    assertThat(count(logged, "java.lang.IllegalStateException: POST https://api.telegram.org/bot***/sendMessage failed"))
        .isEqualTo(1);
    assertThat(count(logged, "Caused by: java.io.IOException: server answered 401")).isEqualTo(1);
    assertThat(count(logged, "\"echo\":\"Authorization: Bearer ***\"")).isEqualTo(1);
    assertThat(count(logged, "\tat org.newsdesk.bot.logging.LogbackConfigTest.should_print_the_trace_once")).isEqualTo(1);
    assertThat(count(logged, "common frames omitted")).isEqualTo(1);
  }

  @Test
  void should_keep_debug_events_and_their_traces_out_of_the_terminal_and_in_the_file() throws Exception {
    Path file = LogFile.configure(context, shippedConfig(), data.resolve("logs")).orElseThrow();

    context.getLogger("org.newsdesk.bot.Main").atDebug().setCause(failureCarryingSecrets()).log("command failed");
    context.stop();

    assertThat(stderr()).isEmpty();
    String logged = Files.readString(file);
    assertNoSecret(logged);
    assertThat(logged).contains(" DEBUG ", "command failed\njava.lang.IllegalStateException: POST https://api.telegram.org/bot***/");
  }

  @Test
  void should_show_info_events_on_the_terminal_only_when_the_log_level_asks_for_them() throws Exception {
    LogFile.configure(context, shippedConfig(), Optional.of(data.resolve("logs")), LogLevel.WARN).orElseThrow();
    context.getLogger("org.newsdesk.bot.telegram.UpdateHandler").info("answer sent");
    LogFile.configure(context, shippedConfig(), Optional.of(data.resolve("logs")), LogLevel.INFO).orElseThrow();
    context.getLogger("org.newsdesk.bot.telegram.UpdateHandler").info("answer sent again");
    context.getLogger("org.newsdesk.bot.telegram.UpdateHandler").debug("details");
    context.stop();

    assertThat(stderr().lines().toList()).singleElement().asString().endsWith(" INFO  o.n.b.t.UpdateHandler answer sent again");
  }

  @Test
  void should_print_to_the_terminal_only_until_the_data_folder_is_known() throws Exception {
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(shippedConfig());

    context.getLogger("org.newsdesk.bot.telegram.TelegramBot").atWarn().setCause(failureCarryingSecrets())
        .log("edit postponed");
    context.stop();

    assertNoSecret(stderr());
    assertThat(stderr().lines().toList()).singleElement().satisfies(line -> assertThat(line)
        .contains("WARN  o.n.b.t.TelegramBot edit postponed (POST https://api.telegram.org/bot***/sendMessage failed: "));
    assertThat(LogFile.current(context)).isEmpty();
    try (var files = Files.list(data)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void should_mask_registered_values_and_secret_shapes_in_any_text() {
    // Built here, so that no token-shaped text sits in the repository for secret scanners to flag.
    String tokenShaped = "123456789" + ":" + "x".repeat(35);
    assertThat(SecretMask.mask("GET https://api.telegram.org/bot" + tokenShaped + "/getMe"))
        .isEqualTo("GET https://api.telegram.org/bot***/getMe");
    assertThat(SecretMask.mask("key " + API_KEY + " and sk-unregisteredKey0123456789 in jdbc:postgresql://h/db?user=a&password=hunter2"))
        .isEqualTo("key *** and sk-*** in jdbc:postgresql://h/db?user=a&password=***");
    assertThat(SecretMask.mask("answer sent chat=123456789 at 12:30:45 ask-skeleton")).isEqualTo("answer sent chat=123456789 at 12:30:45 ask-skeleton");
  }

  @Test
  void should_mask_a_short_secret_where_it_stands_alone_and_leave_words_that_contain_it() {
    SecretMask.register(List.of(new Secret("Qz7")));

    assertThat(SecretMask.mask("Authorization: Bearer Qz7; jdbc:postgresql://h/Qz7 in Qz7x and xQz7"))
        .isEqualTo("Authorization: Bearer ***; jdbc:postgresql://h/*** in Qz7x and xQz7");
  }
}

package org.newsdesk.bot.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.bot.Main;
import org.newsdesk.bot.log.LogDatabase;
import org.newsdesk.bot.log.TestDatabases;
import org.newsdesk.config.ConfigException;
import org.newsdesk.config.ReviewConfig;
import org.newsdesk.config.Secret;

/** Who may reach the review page, and how: the password rule, HTTPS, the address it listens on, the log it opens. */
class ReviewAccessTest {
  private static final String PASSWORD = "correct horse battery";
  private static final String KEYSTORE_PASSWORD = "keystore-Wombat-9182";
  private static final QuestionGrouping WORDS = QuestionGrouping.byWords();
  @TempDir Path dir;
  private LogDatabase db;
  private final TestClock clock = new TestClock("2025-03-12T12:00:00Z");

  @BeforeEach
  void createLog() {
    db = TestDatabases.SQLITE.create(dir);
  }

  @Test
  void should_refuse_to_start_with_a_password_under_twelve_characters_naming_only_its_length() {
    ReviewConfig config = new ReviewConfig("127.0.0.1", 0, Duration.ofMinutes(30), Optional.empty());

    assertThatThrownBy(() -> new ReviewServer(db, config, new Secret("hunter2-abc"), clock, WORDS))
        .isInstanceOf(ConfigException.class)
        .hasMessage("NEWSDESK_REVIEW_PASSWORD is too short (11 characters): the review page needs at least 12 so"
            + " that it cannot be guessed; pick a longer one")
        .message().doesNotContain("hunter2");
    assertThatThrownBy(() -> new ReviewServer(db, config, new Secret("x"), clock, WORDS))
        .hasMessageStartingWith("NEWSDESK_REVIEW_PASSWORD is too short (1 character):");
    new ReviewServer(db, config, new Secret("hunter2-abcd"), clock, WORDS).close();
  }

  @Test
  void should_refuse_plain_http_on_a_network_address_unless_told_it_is_insecure() {
    ReviewConfig plain = new ReviewConfig("0.0.0.0", 0, Duration.ofMinutes(30), Optional.empty());
    ReviewConfig insecure = new ReviewConfig("0.0.0.0", 0, Duration.ofMinutes(30), Optional.empty(), Optional.empty(),
        Optional.empty(), true);

    assertThatThrownBy(() -> new ReviewServer(db, plain, new Secret(PASSWORD), clock, WORDS).start("0.0.0.0", 0))
        .isInstanceOf(ConfigException.class)
        .hasMessage("the review page on 0.0.0.0 would send the moderators' password over plain HTTP: set"
            + " newsdesk.review.keystore (and NEWSDESK_REVIEW_KEYSTORE_PASSWORD) to serve HTTPS, or pass"
            + " --insecure-http if the network is trusted");
    try (ReviewServer server = new ReviewServer(db, insecure, new Secret(PASSWORD), clock, WORDS).start("0.0.0.0", 0)) {
      assertThat(server.url()).isEqualTo("http://0.0.0.0:" + server.port() + "/");
      assertThat(server.plainHttpNotice()).hasValue("the review page on 0.0.0.0 serves plain HTTP (--insecure-http):"
          + " passwords and session cookies cross the network unencrypted; set newsdesk.review.keystore to serve HTTPS");
    }
    try (ReviewServer local = new ReviewServer(db, plain, new Secret(PASSWORD), clock, WORDS).start("localhost", 0)) {
      assertThat(local.plainHttpNotice()).isEmpty();
    }
  }

  @Test
  void should_serve_the_sign_in_over_https_with_a_secure_cookie_when_a_keystore_is_set() throws Exception {
    Path keystore = keystore();
    ReviewConfig config = new ReviewConfig("0.0.0.0", 0, Duration.ofMinutes(30), Optional.empty(), Optional.of(keystore),
        Optional.of(new Secret(KEYSTORE_PASSWORD)), false);

    try (ReviewServer server = new ReviewServer(db, config, new Secret(PASSWORD), clock, WORDS).start("127.0.0.1", 0)) {
      HttpClient https = HttpClient.newBuilder().sslContext(trusting(keystore))
          .followRedirects(HttpClient.Redirect.NEVER).build();
      URI base = URI.create("https://127.0.0.1:" + server.port());

      HttpResponse<String> login = https.send(HttpRequest.newBuilder(base.resolve("/login")).build(),
          HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> signIn = https.send(HttpRequest.newBuilder(base.resolve("/login"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("name=ana&password=" + URLEncoder.encode(PASSWORD,
              StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(server.url()).isEqualTo("https://127.0.0.1:" + server.port() + "/");
      assertThat(server.plainHttpNotice()).isEmpty();
      assertThat(login.statusCode()).isEqualTo(200);
      assertThat(signIn.statusCode()).isEqualTo(303);
      assertThat(signIn.headers().firstValue("Set-Cookie").orElseThrow()).endsWith("; HttpOnly; SameSite=Strict; Secure");
      assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + server.port() + "/login")).build(), HttpResponse.BodyHandlers.ofString()))
          .as("no plain HTTP on the port").isInstanceOf(IOException.class);
    }
  }

  @Test
  void should_name_the_keystore_setting_and_not_the_password_when_the_keystore_cannot_be_opened() throws Exception {
    Path keystore = keystore();
    ReviewConfig wrong = new ReviewConfig("127.0.0.1", 0, Duration.ofMinutes(30), Optional.empty(), Optional.of(keystore),
        Optional.of(new Secret("not-the-Keystore-pw")), false);
    ReviewConfig missing = new ReviewConfig("127.0.0.1", 0, Duration.ofMinutes(30), Optional.empty(),
        Optional.of(dir.resolve("nowhere.p12")), Optional.of(new Secret(KEYSTORE_PASSWORD)), false);

    assertThatThrownBy(() -> new ReviewServer(db, wrong, new Secret(PASSWORD), clock, WORDS).start("127.0.0.1", 0))
        .isInstanceOf(ConfigException.class)
        .hasMessage("cannot open the keystore " + keystore + " (newsdesk.review.keystore): wrong"
            + " NEWSDESK_REVIEW_KEYSTORE_PASSWORD, or not a PKCS12 or JKS keystore")
        .message().doesNotContain("not-the-Keystore-pw");
    assertThatThrownBy(() -> new ReviewServer(db, missing, new Secret(PASSWORD), clock, WORDS).start("127.0.0.1", 0))
        .hasMessage("newsdesk.review.keystore names no file: " + dir.resolve("nowhere.p12"));
  }

  @Test
  void should_say_there_is_no_answer_log_and_create_none_when_the_data_folder_is_mistyped() {
    Path typo = dir.resolve("dat");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    picocli.CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));

    int code = cl.execute("review", "--data", typo.toString(), "--port", "0");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("newsdesk: no answer log at "
        + typo.resolve("answers.db").toAbsolutePath() + ": check --data (the folder newsdesk serve writes to) or"
        + " newsdesk.log.jdbc-url" + System.lineSeparator());
    assertThat(Files.exists(typo.resolve("answers.db"))).isFalse();
  }

  /** A PKCS12 keystore with a self-signed certificate for 127.0.0.1, made by the JDK's keytool. */
  private Path keystore() throws Exception {
    Path keystore = dir.resolve("review.p12");
    Process keytool = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "review", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
        "-keystore", keystore.toString(), "-storepass", KEYSTORE_PASSWORD, "-keypass", KEYSTORE_PASSWORD))
        .redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(output).isZero();
    return keystore;
  }

  /** A client that trusts the keystore's certificate, as a moderator's browser would after importing it. */
  private static SSLContext trusting(Path keystore) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      ks.load(in, KEYSTORE_PASSWORD.toCharArray());
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return ssl;
  }
}

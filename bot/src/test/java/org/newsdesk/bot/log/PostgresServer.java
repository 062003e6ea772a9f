package org.newsdesk.bot.log;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.newsdesk.config.LogConfig;
import org.newsdesk.config.Secret;

/**
 * A real PostgreSQL server for tests, one per test JVM: a throwaway cluster made with the
 * installed binaries ({@code /usr/lib/postgresql/<version>/bin}) in a temp folder on a free
 * loopback port, stopped and deleted at exit. PostgreSQL refuses to run as root, so as root the
 * cluster belongs to the {@code postgres} user (made by Debian's package) and runs through
 * {@code runuser}. {@code NEWSDESK_TEST_PG_URL} (with {@code NEWSDESK_TEST_PG_USER},
 * {@code NEWSDESK_TEST_PG_PASSWORD}) points the tests at an existing server instead.
 *
 * <p>Without either, tests that need PostgreSQL fail with a message saying how to get it.
 */
final class PostgresServer {
  static final String HOW_TO = "PostgreSQL tests need PostgreSQL: install Debian's package"
      + " (apt-get install postgresql, as .ci/run does) so initdb and pg_ctl are under /usr/lib/postgresql/*/bin,"
      + " or set NEWSDESK_TEST_PG_URL (e.g. jdbc:postgresql://127.0.0.1:5432/postgres),"
      + " NEWSDESK_TEST_PG_USER and NEWSDESK_TEST_PG_PASSWORD to a server where that user may create databases";
  private static final String USER = "newsdesk";
  private static PostgresServer instance;
  private static RuntimeException startFailure;

  private final String baseUrl; // ends with the host:port/, database name appended
  private final String adminDatabase;
  private final String user;
  private final Optional<String> password;
  private final AtomicInteger databases = new AtomicInteger();

  private PostgresServer(String baseUrl, String adminDatabase, String user, Optional<String> password) {
    this.baseUrl = baseUrl;
    this.adminDatabase = adminDatabase;
    this.user = user;
    this.password = password;
  }

  /** The shared server, started on first use; fails (never skips) when there is none. */
  static synchronized PostgresServer get() {
    if (instance != null) return instance;
    if (startFailure != null) throw startFailure;
    try {
      instance = connectOrStart();
      return instance;
    } catch (RuntimeException e) {
      startFailure = e;
      throw e;
    }
  }

  /** A new, empty database on the server, as the answer log's configuration. */
  LogConfig newDatabase() {
    String name = "newsdesk_t" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
    try (Connection c = DriverManager.getConnection(baseUrl + adminDatabase, user, password.orElse(null));
         Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name + " at " + baseUrl, e);
    }
    return new LogConfig(baseUrl + name, Optional.of(user), password.map(Secret::new));
  }

  private static PostgresServer connectOrStart() {
    String url = System.getenv("NEWSDESK_TEST_PG_URL");
    if (url != null && !url.isBlank()) {
      int slash = url.lastIndexOf('/');
      return new PostgresServer(url.substring(0, slash + 1), url.substring(slash + 1),
          Optional.ofNullable(System.getenv("NEWSDESK_TEST_PG_USER")).orElse("postgres"),
          Optional.ofNullable(System.getenv("NEWSDESK_TEST_PG_PASSWORD")));
    }
    Path bin = binaries().orElseThrow(() -> new IllegalStateException(HOW_TO));
    try {
      return start(bin);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start a throwaway PostgreSQL from " + bin + ": " + e.getMessage()
          + ". " + HOW_TO, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting PostgreSQL", e);
    }
  }

  private static Optional<Path> binaries() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) return Optional.empty();
    try (Stream<Path> versions = Files.list(root)) {
      return versions.map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
          .max(Comparator.comparing(b -> versionOf(b.getParent())));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static int versionOf(Path dir) {
    try {
      return Integer.parseInt(dir.getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static PostgresServer start(Path bin) throws IOException, InterruptedException {
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dir = Files.createTempDirectory("newsdesk-pg");
    Path data = dir.resolve("data");
    if (root) run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "-A", "trust",
        "-E", "UTF8", "--no-sync", "--locale=C"), root);
    run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
        "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
            + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200", "start"), root);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"), root);
        run(List.of("rm", "-rf", dir.toString()), false);
      } catch (IOException | InterruptedException e) {
        System.err.println("could not stop the test PostgreSQL in " + dir + ": " + e.getMessage());
      }
    }, "test-postgres-stop"));
    return new PostgresServer("jdbc:postgresql://127.0.0.1:" + port + "/", "postgres", USER, Optional.empty());
  }

  private static void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (asPostgres) full.addAll(List.of("runuser", "-u", "postgres", "--"));
    full.addAll(command);
    Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + String.join(" ", full));
    }
    if (p.exitValue() != 0) {
      throw new IOException(String.join(" ", full) + " exited " + p.exitValue() + ": "
          + new String(out, StandardCharsets.UTF_8).strip());
    }
  }
}

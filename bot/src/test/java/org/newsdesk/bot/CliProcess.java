package org.newsdesk.bot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code newsdesk} run as a user runs it: its own JVM with the shipped logback.xml, an environment
 * of the test's choosing (none of the caller's Newsdesk or Telegram variables), stdout and stderr
 * captured apart.
 */
public final class CliProcess {
  /** The sample articles shipped with the project. */
  static final Path SAMPLES = Path.of("../samples").toAbsolutePath().normalize();

  public record Result(int exitCode, String stdout, String stderr) {
    List<String> stderrLines() {
      return stderr.lines().toList();
    }
  }

  private CliProcess() {}

  /** A command that keeps running ({@code serve}, {@code review}): its process and where its output goes. */
  record Running(Process process, Path stdout, Path stderr) implements AutoCloseable {
    String stderrSoFar() {
      try {
        return Files.readString(stderr, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Waits until stderr holds {@code text}; fails with what it holds after {@code seconds}. */
    void awaitStderr(String text, int seconds) throws InterruptedException {
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (!stderrSoFar().contains(text)) {
        if (System.nanoTime() > until || !process.isAlive()) {
          throw new AssertionError("stderr never said \"" + text + "\"; it holds: " + stderrSoFar());
        }
        Thread.sleep(50);
      }
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
  }

  /** Starts {@code newsdesk args...} and returns without waiting for it to end. */
  static Running start(Path workDir, Map<String, String> env, String... args) {
    try {
      Path out = Files.createTempFile(workDir, "stdout", ".txt");
      Path err = Files.createTempFile(workDir, "stderr", ".txt");
      Process p = processBuilder(workDir, env, args).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      return new Running(p, out, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ProcessBuilder processBuilder(Path workDir, Map<String, String> env, String... args) {
    return processBuilder(workDir, env, List.of(), args);
  }

  private static ProcessBuilder processBuilder(Path workDir, Map<String, String> env, List<String> jvmOptions,
                                               String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path")));
    command.addAll(jvmOptions);
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("NEWSDESK_") || k.startsWith("TELEGRAM_"));
    pb.environment().putAll(env);
    return pb;
  }

  public static Result run(Path workDir, Map<String, String> env, String... args) {
    return run(workDir, env, List.of(), args);
  }

  /** As the launcher runs it: {@code -Dnewsdesk.home} names the installation, {@code workDir} is elsewhere. */
  static Result runInstalled(Path home, Path workDir, Map<String, String> env, String... args) {
    return run(workDir, env, List.of("-D" + org.newsdesk.config.Settings.HOME_PROPERTY + "=" + home), args);
  }

  /** Runs it with its output in files outside {@code workDir}, so the folder holds only what the command wrote. */
  private static Result run(Path workDir, Map<String, String> env, List<String> jvmOptions, String... args) {
    try {
      Path out = Files.createTempFile("stdout", ".txt");
      Path err = Files.createTempFile("stderr", ".txt");
      Process p = processBuilder(workDir, env, jvmOptions, args).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("newsdesk " + String.join(" ", args) + " did not finish within 120 s");
      }
      Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
      Files.delete(out);
      Files.delete(err);
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** A loopback port with nothing listening on it. */
  static int closedPort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The one log file under {@code dataDir}. */
  static String logFile(Path dataDir) {
    try (var files = Files.list(dataDir.resolve("logs"))) {
      List<Path> all = files.toList();
      if (all.size() != 1) throw new AssertionError("expected one log file, found " + all);
      return Files.readString(all.get(0), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

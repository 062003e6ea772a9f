package org.newsdesk.bench.rtqa;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * This process's peak resident memory, {@code VmHWM} in {@code /proc/self/status}, and its reset
 * (writing 5 to {@code /proc/self/clear_refs}, Linux 4.0 and later), so that each part of a run
 * gets its own peak. Empty and false elsewhere.
 */
final class PeakRss {
  private static final Path STATUS = Path.of("/proc/self/status");
  private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

  private PeakRss() {}

  /** Starts a new peak from the current resident memory; false when this system cannot. */
  static boolean reset() {
    try {
      Files.writeString(CLEAR_REFS, "5");
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** The peak in KiB since the process started or the last {@link #reset}. */
  static OptionalLong kib() {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmHWM:")) return OptionalLong.of(Long.parseLong(line.replaceAll("\\D", "")));
      }
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
    return OptionalLong.empty();
  }
}

package org.newsdesk.bot.logging;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;

/**
 * {@code %causeSummary}: what went wrong on one line, for the terminal, whose stack traces go to the
 * log file instead: the failure's message and, when it adds something, its root cause's, masked.
 */
public final class CauseSummary extends ThrowableHandlingConverter {
  @Override
  public String convert(ILoggingEvent event) {
    IThrowableProxy thrown = event.getThrowableProxy();
    return thrown == null ? "" : " (" + of(thrown) + ")";
  }

  /** {@code "cannot migrate the answer log at …: Connection refused"} for a failure and its root cause. */
  public static String of(Throwable thrown) {
    return of(new ThrowableProxy(thrown));
  }

  static String of(IThrowableProxy thrown) {
    IThrowableProxy root = thrown;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String top = text(thrown);
    String summary = top;
    if (root != thrown) {
      String cause = text(root);
      if (!top.contains(cause)) summary = top + ": " + cause;
    }
    return SecretMask.mask(summary);
  }

  /** The message's first line, or the simple class name when there is no message. */
  private static String text(IThrowableProxy t) {
    String message = t.getMessage();
    if (message == null || message.isBlank()) {
      String name = t.getClassName();
      return name.substring(name.lastIndexOf('.') + 1);
    }
    return message.strip().lines().findFirst().orElse("").strip();
  }
}

package org.newsdesk.bot.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * {@code %maskedTrace}: the whole stack trace with its causes, secrets masked. Being a
 * throwable-handling converter, its presence in a pattern stops Logback from appending an
 * unmasked {@code %ex} of its own, so the trace is printed once.
 */
public final class MaskedTraceConverter extends ThrowableProxyConverter {
  @Override
  protected String throwableProxyToString(IThrowableProxy thrown) {
    return SecretMask.mask(super.throwableProxyToString(thrown));
  }
}

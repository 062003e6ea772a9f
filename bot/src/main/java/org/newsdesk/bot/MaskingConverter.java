package org.newsdesk.bot;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import java.util.regex.Pattern;

/**
 * The log line's message, key-values and stack trace with Telegram bot tokens masked: the
 * token is part of every Bot API URL, so an exception text can carry it.
 */
public final class MaskingConverter extends ClassicConverter {
  private static final Pattern TOKEN = Pattern.compile("(bot)?\\d{5,}:[A-Za-z0-9_-]{20,}");

  @Override
  public String convert(ILoggingEvent event) {
    StringBuilder line = new StringBuilder(event.getFormattedMessage());
    if (event.getKeyValuePairs() != null) {
      event.getKeyValuePairs().forEach(kv -> line.append(' ').append(kv.key).append('=').append(kv.value));
    }
    IThrowableProxy thrown = event.getThrowableProxy();
    if (thrown != null) line.append(System.lineSeparator()).append(ThrowableProxyUtil.asString(thrown));
    return mask(line.toString());
  }

  /** Replaces anything shaped like a bot token with {@code bot***}. */
  public static String mask(String text) {
    return TOKEN.matcher(text).replaceAll("bot***");
  }
}

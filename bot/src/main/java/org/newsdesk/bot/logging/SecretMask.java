package org.newsdesk.bot.logging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.newsdesk.config.Secret;

/**
 * Masks secrets in text bound for a log or a terminal: the value of every secret the
 * configuration holds (registered once it is loaded), and, as a backstop for secrets it does not
 * hold, anything shaped like a Telegram bot token, an OpenAI-style key or a {@code password=}
 * parameter. Every printer of log events and failure lines goes through {@link #mask}.
 *
 * <p>A value is masked wherever it occurs; one shorter than {@value #SHORT} characters (a local
 * model server's {@code NEWSDESK_LLM_API_KEY=x}) only where it stands alone, between characters
 * that are not letters or digits, or every "x" in "index" would go too.
 */
public final class SecretMask {
  static final String MASK = "***";
  static final int SHORT = 8;
  private static final Pattern BOT_TOKEN = Pattern.compile("(bot)?\\d{5,}:[A-Za-z0-9_-]{20,}");
  private static final Pattern API_KEY = Pattern.compile("\\bsk-[A-Za-z0-9_-]{16,}");
  private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;\\s]+");

  private static final Set<String> registered = new LinkedHashSet<>();
  /** Longest first, so a secret that contains another is masked whole. */
  private static volatile List<String> values = List.of();
  private static volatile List<Pattern> shortValues = List.of();

  private SecretMask() {}

  /** Masks these secrets' values from now on, besides those registered before. */
  public static synchronized void register(Collection<Secret> secrets) {
    secrets.forEach(s -> registered.add(s.value()));
    List<String> sorted = new ArrayList<>(registered);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    values = sorted.stream().filter(v -> v.length() >= SHORT).toList();
    shortValues = sorted.stream().filter(v -> v.length() < SHORT)
        .map(v -> Pattern.compile("(?<![\\p{Alnum}])" + Pattern.quote(v) + "(?![\\p{Alnum}])")).toList();
  }

  /** {@code text} with every registered secret and every secret-shaped string replaced by {@code ***}. */
  public static String mask(String text) {
    if (text == null || text.isEmpty()) return text;
    String masked = text;
    for (String v : values) masked = masked.replace(v, MASK);
    for (Pattern v : shortValues) masked = v.matcher(masked).replaceAll(MASK);
    masked = BOT_TOKEN.matcher(masked).replaceAll("bot" + MASK);
    masked = API_KEY.matcher(masked).replaceAll("sk-" + MASK);
    return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1" + MASK);
  }
}

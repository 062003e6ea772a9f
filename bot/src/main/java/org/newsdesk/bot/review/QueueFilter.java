package org.newsdesk.bot.review;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the moderator narrowed the queue to. Conditions combine with AND; an empty filter is the
 * whole log. Dates are UTC days, both ends inclusive. {@code needsLook} is the review queue proper,
 * the one definition behind Telegram's {@code /review} and the page's "needs a look" view: answers
 * neither hidden nor approved, done processing, and 👎, with unsupported citations, not found,
 * flagged or failed.
 */
public record QueueFilter(boolean needsLook, boolean thumbsDown, boolean unsupported, boolean notFound, boolean flagged,
                          boolean hidden, Optional<LocalDate> from, Optional<LocalDate> to,
                          Optional<String> chatType, Optional<String> text) {
  /** Chat types the bot records. */
  public static final Set<String> CHAT_TYPES = Set.of("private", "group", "supergroup", "terminal");
  private static final long DAY_MS = 86_400_000L;

  /** @throws InvalidRequest when the chat type is unknown or the date range runs backwards */
  public QueueFilter {
    chatType.ifPresent(t -> {
      if (!CHAT_TYPES.contains(t)) {
        throw new InvalidRequest("There is no chat type \"" + t + "\"; choose private, group, supergroup or terminal.");
      }
    });
    text = text.map(String::strip).filter(t -> !t.isEmpty());
    if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
      throw rangeBackwards(from.get(), to.get());
    }
  }

  public static QueueFilter all() {
    return new QueueFilter(false, false, false, false, false, false, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());
  }

  /** The review queue: what needs a moderator's look (see the type's description). */
  public static QueueFilter needingLook() {
    return new QueueFilter(true, false, false, false, false, false, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());
  }

  /** The sentence for a date range that starts after it ends. */
  static InvalidRequest rangeBackwards(LocalDate from, LocalDate to) {
    return new InvalidRequest("The dates run backwards: " + from + " is after " + to + ".");
  }

  /**
   * Reads the filter from query parameters ({@code look}, {@code down}, {@code unsupported},
   * {@code notfound}, {@code flagged}, {@code hidden}, {@code from}, {@code to}, {@code chat},
   * {@code q}).
   *
   * @throws InvalidRequest when a value is malformed
   */
  public static QueueFilter fromParams(Function<String, String> param) {
    return new QueueFilter(on(param, "look"), on(param, "down"), on(param, "unsupported"), on(param, "notfound"),
        on(param, "flagged"), on(param, "hidden"), date(param, "from"), date(param, "to"),
        present(param.apply("chat")), present(param.apply("q")));
  }

  public QueueFilter withThumbsDown() {
    return new QueueFilter(needsLook, true, unsupported, notFound, flagged, hidden, from, to, chatType, text);
  }

  /** The filter as a query string (without {@code ?}), for links to further pages and exports. */
  public String toQuery() {
    List<String> parts = new ArrayList<>();
    if (needsLook) parts.add("look=1");
    if (thumbsDown) parts.add("down=1");
    if (unsupported) parts.add("unsupported=1");
    if (notFound) parts.add("notfound=1");
    if (flagged) parts.add("flagged=1");
    if (hidden) parts.add("hidden=1");
    from.ifPresent(d -> parts.add("from=" + d));
    to.ifPresent(d -> parts.add("to=" + d));
    chatType.ifPresent(t -> parts.add("chat=" + t));
    text.ifPresent(t -> parts.add("q=" + URLEncoder.encode(t, StandardCharsets.UTF_8)));
    return String.join("&", parts);
  }

  /** First millisecond of {@link #from}, if set. */
  public Optional<Long> fromMillis() {
    return from.map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
  }

  /** First millisecond after {@link #to}, if set. */
  public Optional<Long> toMillisExclusive() {
    return to.map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + DAY_MS);
  }

  /** The parameter values as the form shows them (for re-filling the filter form). */
  public Map<String, Object> formValues() {
    return Map.of("look", needsLook, "down", thumbsDown, "unsupported", unsupported, "notfound", notFound,
        "flagged", flagged, "hidden", hidden,
        "from", from.map(LocalDate::toString).orElse(""), "to", to.map(LocalDate::toString).orElse(""),
        "chat", chatType.orElse(""), "q", text.orElse(""));
  }

  private static boolean on(Function<String, String> param, String name) {
    String v = param.apply(name);
    return v != null && (v.equals("1") || v.equals("on") || v.equals("true"));
  }

  private static Optional<String> present(String v) {
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  private static Optional<LocalDate> date(Function<String, String> param, String name) {
    return present(param.apply(name)).map(v -> {
      try {
        return LocalDate.parse(v);
      } catch (DateTimeParseException e) {
        throw new InvalidRequest("The date \"" + v + "\" is not in the form 2025-03-31.", e);
      }
    });
  }
}

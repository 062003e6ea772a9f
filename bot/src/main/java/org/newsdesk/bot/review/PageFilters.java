package org.newsdesk.bot.review;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Template filters of the review page: {@code utc} for times, {@code score} for numbers. */
final class PageFilters extends AbstractExtension {
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  @Override
  public Map<String, Filter> getFilters() {
    return Map.of("utc", new Simple() {
      @Override
      public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                          int lineNumber) {
        return input instanceof Instant i ? UTC.format(i) : input;
      }
    }, "score", new Simple() {
      @Override
      public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                          int lineNumber) {
        return input instanceof Number n ? String.format(Locale.ROOT, "%.3f", n.doubleValue()) : input;
      }
    });
  }

  private abstract static class Simple implements Filter {
    @Override
    public List<String> getArgumentNames() {
      return List.of();
    }
  }
}

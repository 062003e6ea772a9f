package org.newsdesk.bot.telegram;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The callback data of the 👍 / 👎 buttons: {@code fb:<answerId>:up|down}, at most 28 bytes. */
public record Feedback(long answerId, int value) {
  public static final String UP = "up";
  public static final String DOWN = "down";
  private static final Pattern DATA = Pattern.compile("fb:(\\d{1,19}):(up|down)");

  public static String data(long answerId, String direction) {
    return "fb:" + answerId + ":" + direction;
  }

  /** The vote in {@code data}, or empty when it is not one of ours. */
  public static Optional<Feedback> parse(String data) {
    if (data == null) return Optional.empty();
    Matcher m = DATA.matcher(data);
    if (!m.matches()) return Optional.empty();
    try {
      return Optional.of(new Feedback(Long.parseLong(m.group(1)), m.group(2).equals(UP) ? 1 : -1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}

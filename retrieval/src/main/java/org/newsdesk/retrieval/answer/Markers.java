package org.newsdesk.retrieval.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Citation markers in answer text: {@code [1]}, {@code [1][3]}, {@code [1, 3]}. */
final class Markers {
  static final Pattern MARKER = Pattern.compile("\\[(\\d{1,4}(?:\\s*[,;]\\s*\\d{1,4})*)\\]");
  private static final Pattern ONLY_MARKERS = Pattern.compile("^(?:\\s*" + MARKER.pattern() + ")+[\\s.!?]*$");

  private Markers() {}

  /** The numbers cited in {@code text}, in order, repeats kept. */
  static List<Integer> numbers(String text) {
    List<Integer> out = new ArrayList<>();
    Matcher m = MARKER.matcher(text);
    while (m.find()) {
      for (String n : m.group(1).split("\\s*[,;]\\s*")) out.add(Integer.parseInt(n.strip()));
    }
    return out;
  }

  /** The text without its markers, spacing before punctuation repaired. */
  static String strip(String text) {
    return MARKER.matcher(text).replaceAll("").replaceAll("\\s+([.,;:!?])", "$1").replaceAll("\\s{2,}", " ").strip();
  }

  /** Whether the text holds nothing but markers (a marker the sentence splitter cut off its sentence). */
  static boolean onlyMarkers(String text) {
    return ONLY_MARKERS.matcher(text).matches();
  }

  /**
   * The sentence with {@code [n]} markers placed before its closing full stop (after a closing quote);
   * a sentence ending in a word (a caption line) gets a full stop after its markers.
   */
  static String attach(String sentence, List<Integer> numbers) {
    if (numbers.isEmpty()) return sentence;
    StringBuilder marks = new StringBuilder();
    for (int n : numbers) marks.append('[').append(n).append(']');
    String s = sentence.strip();
    if (!s.isEmpty()) {
      char last = s.charAt(s.length() - 1);
      if ((last == '.' || last == '!' || last == '?') && s.length() > 1 && Character.isLetterOrDigit(s.charAt(s.length() - 2))) {
        return s.substring(0, s.length() - 1) + " " + marks + last;
      }
      // a caption line has no full stop; the answer still needs one before the next sentence
      if (Character.isLetterOrDigit(last)) return s + " " + marks + ".";
    }
    return s + " " + marks;
  }
}

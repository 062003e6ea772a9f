package org.newsdesk.retrieval.answer;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kind of answer a question asks for, when its wording says so: a time ("When will the tram
 * open?", "In what year...") or a quantity ("How many homes...", "How much did it cost?"). A sentence
 * that holds no such expression of its own (one the question does not already hold) can hardly
 * answer it, however many of the question's words it repeats.
 */
enum AnswerType {
  TIME, QUANTITY, ANY;

  private static final Pattern TIME_QUESTION = Pattern.compile(
      "^\\s*when\\b|\\b(?:what|which|in what|in which) (?:year|month|date|day|season|decade|century|time)\\b"
          + "|\\bhow long ago\\b|\\bsince when\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern QUANTITY_QUESTION = Pattern.compile(
      "\\bhow (?:many|much|long|far|old|big|large|tall|high|deep|wide|often|fast)\\b"
          + "|\\bwhat (?:percentage|share|proportion|number|amount|size|distance)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[.,][\\p{N}]+)*");
  private static final Pattern YEAR = Pattern.compile("(?:1[0-9]|20|21)[0-9]{2}s?");
  private static final Pattern DIGITS = Pattern.compile("[\\p{N}]+(?:[.,][\\p{N}]+)*(?:st|nd|rd|th|s)?");
  private static final Set<String> TIME_WORDS = Set.of("january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december", "spring", "summer", "autumn", "winter", "ago",
      "yesterday", "today", "tomorrow", "tonight", "century", "centuries", "decade", "decades");
  private static final Set<String> NUMBER_WORDS = Set.of("one", "two", "three", "four", "five", "six", "seven", "eight",
      "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
      "ninety", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions",
      "dozen", "dozens", "half", "twice", "once");

  /** The type {@code question} asks for; {@link #ANY} when its wording does not say. */
  static AnswerType of(String question) {
    if (TIME_QUESTION.matcher(question).find()) return TIME;
    if (QUANTITY_QUESTION.matcher(question).find()) return QUANTITY;
    return ANY;
  }

  /** Whether {@code sentence} holds an expression of this type that {@code question} does not. */
  boolean heldBy(String sentence, String question) {
    if (this == ANY) return true;
    Set<String> asked = words(question);
    Matcher m = WORD.matcher(sentence);
    while (m.find()) {
      String w = m.group().toLowerCase(Locale.ROOT);
      if (asked.contains(w)) continue;
      boolean hit = this == TIME ? YEAR.matcher(w).matches() || TIME_WORDS.contains(w)
          : DIGITS.matcher(w).matches() || NUMBER_WORDS.contains(w);
      if (hit) return true;
    }
    return false;
  }

  private static Set<String> words(String text) {
    Set<String> out = new java.util.HashSet<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) out.add(m.group().toLowerCase(Locale.ROOT));
    return out;
  }
}

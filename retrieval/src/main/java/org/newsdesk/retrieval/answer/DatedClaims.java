package org.newsdesk.retrieval.answer;

import org.apache.lucene.analysis.en.EnglishAnalyzer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes the checked claims as the answer text. When the cited articles carry different
 * published dates, each claim opens with the date of its first source ("In 2014, …" when the
 * years differ, "On 4 July 2022, …" when only the days do; "In an undated article, …"), so a
 * reader sees which claim is from when.
 */
final class DatedClaims {
  private static final Set<String> LOWER_AFTER_PREFIX = Set.of("the", "a", "an", "this", "that", "these", "those",
      "it", "its", "he", "she", "they", "their", "his", "her", "there", "we", "our", "in", "on", "at", "after",
      "before", "meanwhile", "also", "both", "some", "many", "last", "earlier", "later");
  private static final Pattern FIRST_WORD = Pattern.compile("^([\\p{L}]+)");
  /** A capitalised word right after the first: the first is part of a name. */
  private static final Pattern NAME_GOES_ON = Pattern.compile("\\s+\\p{Lu}");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  private DatedClaims() {}

  static String render(List<CitationCheck.Claim> claims, List<Citation> citations) {
    StringBuilder cited = new StringBuilder();
    for (Citation c : citations) cited.append(c.passage().title()).append(". ").append(c.passage().text()).append(' ');
    Set<Optional<LocalDate>> dates = new HashSet<>();
    Set<Optional<Integer>> years = new HashSet<>();
    for (Citation c : citations) {
      dates.add(c.passage().published());
      years.add(c.passage().published().map(LocalDate::getYear));
    }
    boolean dated = dates.size() > 1;
    StringBuilder out = new StringBuilder();
    for (CitationCheck.Claim claim : claims) {
      String sentence = claim.sentence();
      if (dated && !claim.cited().isEmpty()) {
        Optional<LocalDate> date = citations.get(claim.cited().getFirst() - 1).passage().published();
        String prefix = date.map(d -> years.size() > 1 ? "In " + d.getYear() + ", " : "On " + DAY.format(d) + ", ")
            .orElse("In an undated article, ");
        sentence = prefix + lowerFirst(sentence, cited.toString());
      }
      if (!out.isEmpty()) out.append(' ');
      out.append(Markers.attach(sentence, claim.cited()));
    }
    return out.toString();
  }

  /**
   * Lower-cases the sentence's first word after the date prefix, unless it is a name: a word in
   * capitals, one the cited passages capitalise in the middle of a sentence ("Putin", "Moscow"),
   * or one followed by a capitalised word ("Beyoncé Knowles-Carter", "Las Vegas").
   */
  private static String lowerFirst(String sentence, String citedText) {
    var m = FIRST_WORD.matcher(sentence);
    if (!m.find()) return sentence;
    String word = m.group(1);
    boolean function = LOWER_AFTER_PREFIX.contains(word.toLowerCase(Locale.ROOT))
        || EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word.toLowerCase(Locale.ROOT));
    boolean acronym = word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT));
    boolean runsOn = NAME_GOES_ON.matcher(sentence).region(m.end(), sentence.length()).lookingAt();
    boolean name = !function && (acronym || runsOn
        || Pattern.compile("[\\p{Ll}\\p{N},;:]\\s+" + Pattern.quote(word) + "\\b").matcher(citedText).find());
    return name ? sentence : Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
  }
}

package org.newsdesk.retrieval.answer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Countries and US states by name, for questions that ask which one ({@link AnswerKind#PLACE}): the
 * JDK's English names of every ISO country, the other names news gives some of them ("U.S.",
 * "Britain", "Turkey"), and the fifty states. Matched as written, capitalised, so "turkey" the
 * bird is no country; "Chad" the man and "Georgia" the state count all the same.
 */
final class Places {
  /** Names the JDK's list lacks: short forms, older names, the nations of the United Kingdom. */
  private static final List<String> OTHER_NAMES = List.of("US", "U.S.", "USA", "U.S.A.", "America", "UK", "U.K.",
      "Britain", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland", "Turkey", "Burma",
      "Czech Republic", "Ivory Coast", "Macau", "Palestine", "Gaza", "West Bank", "Vatican", "Swaziland");
  private static final List<String> STATES = List.of("Alabama", "Alaska", "Arizona", "Arkansas", "California",
      "Colorado", "Connecticut", "Delaware", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa",
      "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi",
      "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York",
      "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island",
      "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington",
      "West Virginia", "Wisconsin", "Wyoming");
  private static final Set<String> ALL = names();
  /** Any name, longest first so "West Virginia" is read whole; not inside a longer word or a hyphenated one. */
  private static final Pattern NAMES = Pattern.compile("(?<![\\p{L}\\p{N}.-])(?:" + ALL.stream()
      .sorted((a, b) -> b.length() - a.length()).map(Pattern::quote).collect(Collectors.joining("|"))
      + ")(?![\\p{L}\\p{N}-])");
  /**
   * Each name as a word of a lower-cased question: "Russian" does not name the US, "Iran's" names
   * Iran. Compiled once, not for every sentence a reader weighs.
   */
  private static final Map<String, Pattern> AS_ASKED = ALL.stream().collect(Collectors.toUnmodifiableMap(
      name -> name, name -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name.toLowerCase(Locale.ROOT))
          + "(?![\\p{L}\\p{N}])")));

  private Places() {}

  /** Whether {@code sentence} names a country or a US state that {@code question} does not. */
  static boolean named(String sentence, String question) {
    String asked = question.toLowerCase(Locale.ROOT);
    Matcher m = NAMES.matcher(sentence);
    while (m.find()) {
      if (!AS_ASKED.get(m.group()).matcher(asked).find()) return true;
    }
    return false;
  }

  private static Set<String> names() {
    Set<String> out = new LinkedHashSet<>(OTHER_NAMES);
    out.addAll(STATES);
    for (String code : Locale.getISOCountries()) {
      String name = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
      // CLDR's "Congo - Kinshasa", "Myanmar (Burma)", "Hong Kong SAR China": the name before the qualifier.
      name = name.replaceAll("\\s+(?:\\(.*\\)|-\\s.*|SAR\\s.*)$", "").strip();
      if (name.length() > 2) out.add(name);
    }
    return out;
  }
}

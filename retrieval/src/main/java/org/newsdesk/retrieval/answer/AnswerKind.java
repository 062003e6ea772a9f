package org.newsdesk.retrieval.answer;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.newsdesk.retrieval.ingest.Sentences;
import org.newsdesk.retrieval.ingest.Span;

/**
 * What kind of answer a question asks for, read from its wording: a time ("When will the tram
 * open?"), a sum of money, another quantity, a country or US state ("Which country...", {@link Places}),
 * a name ("Who...", "Which company..."), several names ("Which European leaders did..."), a reason
 * ("Why..."), an age ("How old..."), a yes or a no ("Did..."), or anything.
 * A sentence that holds no such expression of its own (one the question does not already hold)
 * can hardly answer the question, however many of its words it repeats.
 */
enum AnswerKind {
  TIME, MONEY, AGE, QUANTITY, PLACE, NAME, NAMES, REASON, YES_NO, ANY;

  private static final int I = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  /**
   * "What is the", "what's its", "what was the tram's", "what will be the flood defences'": what comes
   * before the noun that says what is asked ("…budget", "…height"), two words between them at most.
   */
  private static final String WHAT_IS_THE = "\\bwhat(?:'s|’s| is| was| are| were| will be| would be)"
      + " (?:the |its |his |her |their |this |that )?(?:[\\p{L}-]+(?:'s|’s|'|’)? ){0,2}";
  /** The nouns after {@link #WHAT_IS_THE} that name a sum: "What is the tram's budget?". */
  private static final String MONEY_NOUNS = "cost|price|budget|bill|fee|fine|salary|funding";
  /** … that name a length or a height: "What's the route's length?". */
  private static final String SIZE_NOUNS = "height|depth|length|width|distance";
  /** … that name another figure: "What is the population of Gaza?". */
  private static final String FIGURE_NOUNS = "score|temperature|population|speed|rate|total|toll|tally";
  /**
   * The noun after {@link #WHAT_IS_THE} that names the measure asked for, a sum, a size, another
   * figure or an age, at the end of its phrase ("What is the tram's budget?", "the budget for the
   * defences"; not "the budget committee"): a figure of that kind stands for the word itself.
   */
  private static final Pattern MEASURE_ASKED = Pattern.compile(WHAT_IS_THE + "(" + MONEY_NOUNS + "|" + SIZE_NOUNS
      + "|" + FIGURE_NOUNS + "|ages?)(?=\\s*(?:[?.!,;]|$)|\\s+(?:of|for|on|in|at|to|from|with|per|now|today|then"
      + "|so far)\\b)", I);
  private static final Pattern TIME_QUESTION = Pattern.compile(
      "^\\s*when\\b|\\b(?:what|which|in what|in which) (?:year|month|date|day|season|decade|century|time)\\b"
          + "|\\bhow long ago\\b|\\bsince when\\b|\\bopening date\\b|\\bwhat date\\b|\\bwhen\\s*\\?*\\s*$", I);
  /**
   * A time of day asked for: "What time does the library close?", "At what time…", "What are the
   * opening hours?", "When is the library open?" (not "When is the shop scheduled to open?").
   */
  private static final Pattern CLOCK_QUESTION = Pattern.compile("\\b(?:at )?what time\\b|\\bwhat hours\\b"
      + "|\\bopening (?:hours|times)\\b|\\bhow late\\b|\\bwhen (?:is|are) [\\p{L} ]{1,40}?(?<!\\bto )open\\b", I);
  /** A time of day: "9 p.m.", "10:30", "8 in the morning", "noon". */
  private static final Pattern CLOCK = Pattern.compile(
      "\\b\\p{N}{1,2}(?:[:.]\\p{N}{2})?\\s*(?:a\\.?m\\b\\.?|p\\.?m\\b\\.?)|\\b\\p{N}{1,2}[:.]\\p{N}{2}\\b"
          + "|\\b\\p{N}{1,2} (?:in the (?:morning|afternoon|evening)|at night|o'clock)\\b"
          + "|\\b(?:noon|midday|midnight)\\b", I);
  /** The words after "how much" that make it ask for a sum: "How much will the embankments cost?". */
  private static final String MONEY_VERBS = "cost|costs|costing|pay|paid|pays|spend|spent|price|priced|worth|charge"
      + "|charged|budget|fund|funding|raise|raised|fine|fined|fines|earn|earns|earned";
  private static final Pattern MONEY_QUESTION = Pattern.compile(
      "\\bhow much\\b.*\\b(?:" + MONEY_VERBS + ")\\b"
          + "|" + WHAT_IS_THE + "(?:" + MONEY_NOUNS + ")\\b"
          + "|\\b(?:at|for) what (?:price|cost)\\b|\\bhow much money\\b", I);
  /** The stems of the words that only name a measure ({@link #namesAMeasure}). */
  private static final Set<String> MEASURE_STEMS = Stream.of(MONEY_VERBS, MONEY_NOUNS, SIZE_NOUNS, FIGURE_NOUNS,
          "amount|number|sum|money|figure")
      .flatMap(words -> Stream.of(words.split("\\|"))).map(Terms::stem).collect(Collectors.toUnmodifiableSet());
  private static final Pattern AGE_QUESTION = Pattern.compile(
      "\\bhow old\\b|\\b(?:at )?what age\\b|" + WHAT_IS_THE + "ages?\\b", I);
  /**
   * The words after "how" that ask for a size ("how long", "how high"): one list for the kind of a
   * question, the words it is about ({@link Question#sizeWords()}) and the asking word a follow-up
   * carries ({@link FollowUpQueryTransformer}).
   */
  static final String SIZES = "long|high|deep|far|tall|wide|thick|big|large|often|fast";
  private static final Pattern QUANTITY_QUESTION = Pattern.compile(
      "\\bhow (?:many|much|old|" + SIZES + ")\\b"
          + "|\\bwhat (?:percentage|percent|share|proportion|number|amount|size|distance)\\b"
          + "|" + WHAT_IS_THE + "(?:number|age|" + FIGURE_NOUNS + "|" + SIZE_NOUNS + ")\\b", I);
  /**
   * A length or height asked for: "How high did the river get?", "How far is the station?", "How
   * long is the tram route?" (of a thing that has a length; "How long is the flight?" asks a time).
   */
  private static final Pattern LENGTH_QUESTION = Pattern.compile("\\bhow (?:high|tall|deep|far|wide|thick)\\b"
      + "|" + WHAT_IS_THE + "(?:" + SIZE_NOUNS + ")\\b"
      + "|\\bhow long (?:is|are|was|were|will (?:it|they) be) (?:the |its |their )?(?:[\\p{L}-]+ ){0,2}"
      + "(?:route|line|road|street|bridge|tunnel|track|trail|path|river|wall|fence|runway|border|coast(?:line)?"
      + "|pipeline|canal|embankment|cable|rail|railway|motorway|highway|corridor|beach|ship|building)s?\\b", I);
  /** How often something happens: "How often will the trams run?". */
  private static final Pattern OFTEN_QUESTION = Pattern.compile("\\bhow often\\b", I);
  /** "How long…": a length or a time ("How long will the eclipse last?"). */
  private static final Pattern LONG_QUESTION = Pattern.compile("\\bhow long\\b(?! ago\\b)", I);
  private static final String FIGURE = "(?:\\b\\p{N}[\\p{N},.]*|\\b(?:one|two|three|four|five|six|seven|eight|nine|ten"
      + "|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|a hundred|several|a few))(?:\\s|-)?";
  /** A figure with its unit of length: "4.8 metres", "3.5 kilometres", "330m", "ten-storey". */
  private static final Pattern LENGTH = Pattern.compile(FIGURE + "(?:metres?|meters?|m|km|kilometres?|kilometers?"
      + "|miles?|feet|foot|ft|inch(?:es)?|cm|centimetres?|centimeters?|mm|millimetres?|yards?|storeys?|stories)\\b", I);
  /**
   * A figure with its unit of time, or how long since: "six hours", "17-minute", "since 1969"; not
   * "every twenty minutes", which says how often.
   */
  private static final Pattern DURATION = Pattern.compile("(?<!\\bevery )" + FIGURE
      + "(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centur(?:y|ies))\\b"
      + "|\\bsince (?:1[0-9]|20)[0-9]{2}\\b", I);
  /** How often: "every ten minutes", "twice a week", "three times a year", "daily", "per hour". */
  private static final Pattern FREQUENCY = Pattern.compile("\\bevery (?:other |" + FIGURE + ")?(?:seconds?|minutes?"
      + "|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|years?|morning|evening)\\b"
      + "|\\b(?:once|twice|" + FIGURE + "times) (?:a|an|per|every|each)\\b"
      + "|\\b(?:hourly|daily|nightly|weekly|fortnightly|monthly|yearly|annually)\\b"
      + "|\\bper (?:hour|day|week|month|year)\\b", I);
  private static final Pattern REASON_QUESTION = Pattern.compile(
      "^\\s*(?:and\\s+)?why\\b|\\bhow come\\b|\\bfor what reason\\b|" + WHAT_IS_THE + "reasons?\\b"
          + "|\\bwhat (?:caused|causes|led to|prompted|triggered)\\b", I);
  private static final Pattern YES_NO_QUESTION = Pattern.compile(
      "^\\s*(?:and\\s+)?(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|shall|may|might|must)\\b", I);
  /** "Which European leaders did...", "What companies have...": a plural head noun after which/what. */
  private static final Pattern NAMES_QUESTION = Pattern.compile(
      "\\b(?:which|what)\\s+(?:\\p{L}+\\s+)?\\p{L}+[^s\\W]s\\s+(?:did|do|does|are|were|have|has|had|will|would|can|could)\\b", I);
  /**
   * "Which country...", "In which US state...", "What nation...": one country or state, not "which
   * state agency" or "which state-run broadcaster".
   */
  private static final Pattern PLACE_QUESTION = Pattern.compile(
      "\\b(?:which|what)\\s+(?:[\\p{L}.]+\\s+)?(?:country|nation|state)\\b(?![-\u2010]|\\s+(?:department|agency"
          + "|agencies|law|laws|officials?|media|legislature|lawmakers|senator|attorney|police|court|university|of\\b))", I);
  private static final Pattern NAME_QUESTION = Pattern.compile(
      "^\\s*(?:and\\s+)?(?:who|whom|whose|where)\\b|\\b(?:which|who|whom|whose)\\b"
          + "|\\bwhat(?:'s| is| was)? (?:the |its |his |her |their )?(?:name|title)\\b", I);

  /**
   * How news tells an age: "54-year-old", "aged 54", "over the age of 18", "Lindqvist, 54, said",
   * "turned 100", "her 100th birthday", "in her sixties", "a century-old bridge", "built in 1961", "the
   * building from 1912" (not "from 2019 to 2021").
   */
  private static final Pattern AGE_WORDS = Pattern.compile(
      "\\b[\\p{L}\\p{N}]+(?:-| )(?:years?|months?|weeks?|days?)(?:-| )old\\b"
          + "|\\b(?:centur(?:y|ies)|decades?)(?:-| )old\\b"
          + "|\\baged? \\p{N}{1,3}\\b|\\bage of (?:\\p{N}{1,3}|\\p{L}+teen|one|two|three|four|five|six|seven|eight|nine"
          + "|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\\b|\\p{Lu}\\p{L}+, \\p{N}{1,3},"
          + "|\\b(?:turned|turns|turning|turn) \\p{N}{1,3}\\b|\\b\\p{N}{1,3}(?:st|nd|rd|th) birthday\\b"
          + "|\\bin (?:his|her|their) (?:early |mid-?|late )?(?:teens|twenties|thirties|forties|fifties|sixties"
          + "|seventies|eighties|nineties)\\b"
          + "|\\b(?:born|built|founded|established|erected|dating from|dates from|dates back to)\\b"
          + "[^.;]{0,24}?\\b(?:1[0-9]|20)[0-9]{2}\\b"
          + "|\\bfrom (?:1[0-9]|20)[0-9]{2}\\b"
          + "(?!s\\b|\\s*(?:-|\u2013|to\\b|until\\b|till\\b|through\\b|and\\b|onwards?\\b))", I);
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[.,][\\p{N}]+)*");
  private static final Pattern YEAR = Pattern.compile("(?:1[0-9]|20|21)[0-9]{2}s?");
  /** A year of the last and this century: "2024", "1990s". */
  private static final Pattern CALENDAR_YEAR = Pattern.compile("(?:19|20)[0-9]{2}s?");
  /** A rank: "10th", "1st". */
  private static final Pattern ORDINAL = Pattern.compile("[\\p{N}]+(?:st|nd|rd|th)", Pattern.CASE_INSENSITIVE);
  private static final Pattern DIGITS = Pattern.compile("[\\p{N}]+(?:[.,][\\p{N}]+)*(?:st|nd|rd|th|s)?");
  private static final Set<String> TIME_WORDS = Set.of("january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december", "spring", "summer", "autumn", "winter", "ago",
      "century", "centuries", "decade", "decades");
  /** Times that place a past event but never answer "when will...": the day of the week a report was written. */
  private static final Set<String> NEAR_TIME_WORDS = Set.of("yesterday", "today", "tomorrow", "tonight", "monday",
      "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
  /** A time told relative to the report's day: "last week", "next month", "earlier this year". */
  private static final Pattern RELATIVE_TIME = Pattern.compile("\\b(?:(last|past|previous|earlier this)|next|this|coming"
      + "|later this) (?:week|weekend|month|year|spring|summer|autumn|fall|winter)\\b", I);
  /**
   * A day told as one to come: "expect the rain to ease on Wednesday", "will reopen on Friday" (not
   * "said on Monday that it will reopen").
   */
  private static final Pattern FUTURE_DAY = Pattern.compile("\\b(?:will|going to|expects?|expected|due|planned"
      + "|scheduled|set to|forecast)\\b[^.;]{0,60}?\\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
      + "|tomorrow|tonight)\\b", I);
  private static final Pattern FUTURE = Pattern.compile("\\b(?:will|going to|expected to|due to|planned|scheduled)\\b", I);
  private static final Pattern CURRENCY = Pattern.compile("[$€£¥₽]");
  private static final Set<String> CURRENCY_WORDS = Set.of("euro", "euros", "dollar", "dollars", "pound", "pounds",
      "sterling", "yen", "yuan", "rouble", "roubles", "ruble", "rubles", "franc", "francs", "krona", "kronor", "krone",
      "kroner", "zloty", "rupee", "rupees", "eur", "usd", "gbp", "cent", "cents", "pence");
  private static final Set<String> NUMBER_WORDS = Set.of("one", "two", "three", "four", "five", "six", "seven", "eight",
      "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty",
      "seventy", "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion",
      "billions", "dozen", "dozens", "half", "twice", "once");
  /**
   * Words that give a reason, a cause or a purpose (not those that draw a conclusion: "therefore"),
   * and a stop told with what brought it ("work was halted for five months after engineers found…",
   * "the reading hall, closed since a leak in 2019"; not "closed since 2019", which only dates it).
   */
  private static final Pattern REASON_WORDS = Pattern.compile(
      "\\b(?:because|due to(?! (?:be|begin|start|open|close|end|finish|take|run|arrive|return|meet|vote|resume"
          + "|launch|go|come|leave|hold|appear|stand|retire|expire|sign|announce|publish|release|visit|travel|speak"
          + "|testify|face|make|give|get|become|reach|complete|deliver|report)\\b)|owing to|as a result of"
          + "|the result of|reasons?|caused by|cause of|in response to|in retaliation|in protest|to protest|to punish"
          + "|in order to|over concerns|citing|blamed on)\\b"
          + "|\\b(?:halted|suspended|delayed|postponed|cancell?ed|stopped|closed|shut|paused|scrapped|withdrawn|fired"
          + "|sacked|resigned|arrested|banned|evacuated|recalled)\\b[^.;]{0,60}?"
          + "\\b(?:after|following|amid|since an?)\\b", I);
  /** A question about someone: a person, or a body of people. */
  private static final Pattern WHO = Pattern.compile("\\b(?:who|whom|whose)\\b", I);
  /**
   * A body of people named in lower case, which answers "who" as a name does: "the regional
   * government has agreed to cover 30 million euros", "the city will borrow the rest".
   */
  private static final Pattern BODY = Pattern.compile("\\b(?:the|its|their)\\s+(?:[\\p{L}-]+\\s+){0,2}?"
      + "(?:government|council|ministry|department|office|authority|agency|company|firm|committee|court|police"
      + "|union|board|commission|parliament|administration|city|state|region|county|municipality|club|team"
      + "|group|bank|university|school|hospital|airline|operator|regulator|army|military|navy|fund|foundation"
      + "|trust|charity|organi[sz]ation|association|institute|corporation|network|service|party|campaign)\\b", I);
  /** Capitalised words that say nothing about whom a sentence names. */
  private static final Set<String> NOT_NAMES = Set.of("the", "a", "an", "in", "on", "at", "he", "she", "it", "they",
      "we", "i", "but", "and", "or", "this", "that", "these", "those", "there", "his", "her", "its", "their", "our",
      "when", "while", "after", "before", "as", "if", "so", "yet", "mr", "mrs", "ms", "dr");

  /**
   * The kind {@code question} asks for; {@link #ANY} when its wording does not say. A question that
   * sets a scene first ("Two planes collided this week. Where did it happen?") is read by its last
   * sentence, the one that asks.
   */
  static AnswerKind of(String question) {
    List<Span> sentences = Sentences.split(question);
    if (sentences.size() > 1) question = sentences.getLast().of(question);
    if (REASON_QUESTION.matcher(question).find()) return REASON;
    if (TIME_QUESTION.matcher(question).find()) return TIME;
    if (MONEY_QUESTION.matcher(question).find()) return MONEY;
    if (AGE_QUESTION.matcher(question).find()) return AGE;
    if (QUANTITY_QUESTION.matcher(question).find()) return QUANTITY;
    if (YES_NO_QUESTION.matcher(question).find()) return YES_NO;
    if (NAMES_QUESTION.matcher(question).find()) return NAMES;
    if (PLACE_QUESTION.matcher(question).find()) return PLACE;
    if (NAME_QUESTION.matcher(question).find()) return NAME;
    return ANY;
  }

  /**
   * The noun that names the measure a "what is the …" question asks for: "budget" in "What is the
   * tram's budget?", "length" in "What's the route's length?"; empty when it names none.
   */
  static Optional<String> measureAsked(String question) {
    Matcher m = MEASURE_ASKED.matcher(question);
    return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
  }

  /**
   * Whether {@code term} only names the measure a question about a figure asks for ("cost" in "How
   * much will the embankments cost?", "length", "number"), not what it is the measure of: every
   * report of a sum repeats "cost", whatever it is the cost of.
   */
  static boolean namesAMeasure(Terms.Token term) {
    return MEASURE_STEMS.contains(term.stem());
  }

  /**
   * Whether only a sentence of this kind can answer: an age is told in so few ways that a sentence
   * without one never says how old someone is, however well it matches the question's other words.
   */
  boolean strict() {
    return this == AGE;
  }

  /**
   * Whether a sentence holding this kind says much: a name, a place, a time, a sum, an age or a
   * figure is told in few words, while any sentence "holds" anything or a yes, and a word like
   * "because" or "caused by" is in many that give another reason.
   */
  boolean specific() {
    return this != ANY && this != YES_NO && this != REASON;
  }

  /** Whether this kind is a figure, which later reports revise (a cost, a length, a count). */
  boolean figure() {
    return this == MONEY || this == AGE || this == QUANTITY;
  }

  /** Whether the token of {@code text} is a figure, in digits or in letters ("14", "28,000", "seven"). */
  static boolean isFigure(Terms.Token token, String text) {
    return token.number() || isNumberWord(text.substring(token.start(), token.end()));
  }

  /**
   * Whether {@code word} is a figure that measures nothing: a year of the last or this century
   * ("2024", "1990s"), which is a time, or a rank ("10th", "1st").
   */
  static boolean measuresNothing(String word) {
    return CALENDAR_YEAR.matcher(word).matches() || ORDINAL.matcher(word).matches();
  }

  /** Whether {@code word} is a figure written in letters: "seven", "dozens", "half". */
  static boolean isNumberWord(String word) {
    return NUMBER_WORDS.contains(word.toLowerCase(Locale.ROOT));
  }

  /** Whether {@code sentence} holds an expression of this kind that {@code question} does not. */
  boolean heldBy(String sentence, String question) {
    return holder(question).test(sentence);
  }

  /**
   * Tells the sentences that hold an expression of this kind that {@code question} does not: the
   * question is read once, however many sentences are weighed.
   */
  Predicate<String> holder(String question) {
    Asked q = Asked.of(question);
    return switch (this) {
      case ANY, YES_NO -> sentence -> true;
      case REASON -> sentence -> REASON_WORDS.matcher(sentence).find();
      case NAME -> q.who()
          ? sentence -> names(sentence, q) >= 1 || told(BODY, sentence, q)
          : sentence -> names(sentence, q) >= 1 || words(sentence, q, NAME);
      case PLACE -> sentence -> Places.named(sentence, question);
      case NAMES -> sentence -> names(sentence, q) >= 2;
      case MONEY -> sentence -> CURRENCY.matcher(sentence).find() || words(sentence, q, MONEY);
      case TIME -> CLOCK_QUESTION.matcher(question).find() ? sentence -> CLOCK.matcher(sentence).find()
          : sentence -> words(sentence, q, TIME) || relativeTime(sentence, q) || told(FUTURE_DAY, sentence, q);
      case QUANTITY -> LENGTH_QUESTION.matcher(question).find() ? sentence -> told(LENGTH, sentence, q)
          : OFTEN_QUESTION.matcher(question).find() ? sentence -> told(FREQUENCY, sentence, q)
          : LONG_QUESTION.matcher(question).find()
              ? sentence -> told(LENGTH, sentence, q) || told(DURATION, sentence, q)
              : sentence -> words(sentence, q, QUANTITY);
      case AGE -> sentence -> told(AGE_WORDS, sentence, q);
    };
  }

  /**
   * A question as the checks read it: in lower case, its words in lower case, their stems, whether
   * it asks about what will happen, and whether it asks about someone ("who", "whom", "whose").
   */
  private record Asked(String lower, Set<String> words, Set<String> stems, boolean future, boolean who) {
    static Asked of(String question) {
      Set<String> stems = new HashSet<>();
      for (Terms.Token t : Terms.tokens(question)) stems.add(t.stem());
      return new Asked(question.toLowerCase(Locale.ROOT), lowerWords(question), stems,
          FUTURE.matcher(question).find(), WHO.matcher(question).find());
    }
  }

  /**
   * Whether the sentence tells a time relative to its report ("last week") that the question does
   * not say; one pointing back never answers "when will...".
   */
  private static boolean relativeTime(String sentence, Asked question) {
    Matcher m = RELATIVE_TIME.matcher(sentence);
    while (m.find()) {
      if (question.lower().contains(m.group().toLowerCase(Locale.ROOT))) continue;
      if (m.group(1) != null && question.future()) continue;
      return true;
    }
    return false;
  }

  /** Whether the sentence tells what {@code pattern} matches in words the question does not. */
  private static boolean told(Pattern pattern, String sentence, Asked question) {
    Matcher m = pattern.matcher(sentence);
    while (m.find()) {
      if (!question.lower().contains(m.group().toLowerCase(Locale.ROOT))) return true;
    }
    return false;
  }

  private static boolean words(String sentence, Asked question, AnswerKind kind) {
    Matcher m = WORD.matcher(sentence);
    while (m.find()) {
      String w = m.group().toLowerCase(Locale.ROOT);
      if (question.words().contains(w)) continue;
      boolean hit = switch (kind) {
        case TIME -> YEAR.matcher(w).matches() || TIME_WORDS.contains(w)
            || (NEAR_TIME_WORDS.contains(w) && !question.future());
        case MONEY -> CURRENCY_WORDS.contains(w);
        // A year tells when, never which one: "The flooding of November 2024" names no river ("Flight 1282" does).
        case NAME -> DIGITS.matcher(w).matches() && !CALENDAR_YEAR.matcher(w).matches()
            || NUMBER_WORDS.contains(w);
        default -> DIGITS.matcher(w).matches() || NUMBER_WORDS.contains(w);
      };
      if (hit) return true;
    }
    return false;
  }

  /**
   * How many capitalised words the sentence holds that the question does not, in any form ("Globes"
   * for "Globe"), a sentence's first word, months, seasons and weekdays ("Saturdays" too) aside.
   */
  private static int names(String sentence, Asked question) {
    Set<String> found = new HashSet<>();
    Matcher m = WORD.matcher(sentence);
    boolean first = true;
    while (m.find()) {
      String w = m.group();
      boolean opensSentence = first || precededBySentenceEnd(sentence, m.start());
      first = false;
      if (opensSentence || !Character.isUpperCase(w.charAt(0))) continue;
      String lower = w.toLowerCase(Locale.ROOT);
      String single = lower.endsWith("s") ? lower.substring(0, lower.length() - 1) : lower; // "Saturdays"
      if (question.words().contains(lower) || NOT_NAMES.contains(lower) || TIME_WORDS.contains(lower)
          || NEAR_TIME_WORDS.contains(lower) || NEAR_TIME_WORDS.contains(single)
          || question.stems().contains(Terms.stem(w))) continue;
      found.add(lower);
    }
    return found.size();
  }

  private static boolean precededBySentenceEnd(String s, int at) {
    int i = at - 1;
    while (i >= 0 && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '"' || s.charAt(i) == '“')) i--;
    return i >= 0 && (s.charAt(i) == '.' || s.charAt(i) == '!' || s.charAt(i) == '?' || s.charAt(i) == ':');
  }

  private static Set<String> lowerWords(String text) {
    Set<String> out = new HashSet<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) out.add(m.group().toLowerCase(Locale.ROOT));
    return out;
  }
}

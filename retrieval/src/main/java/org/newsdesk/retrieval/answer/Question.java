package org.newsdesk.retrieval.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reader's question, read once: the question in what they typed ({@link QuestionText}), the
 * kind of answer it asks for ({@link AnswerKind}), and its content terms in the index's analysis:
 * the words that say what it is about, without the words that only make it a question ("what",
 * "did", "tell"), only say that it is recent ("this week", "latest") or only say what is asked
 * ("long" in "how long", "name" in "what is the name").
 */
record Question(String text, AnswerKind kind, List<Terms.Token> terms) {
  /**
   * Words that make a sentence a question, or a request, rather than say what it is about; and the
   * light verbs and particles that only carry another word ("did it go over budget", "who got the
   * award"), which an answer need not repeat.
   */
  private static final Set<String> ASKING = Set.of("who", "whom", "whose", "what", "which", "when", "where", "why",
      "how", "do", "does", "did", "doing", "done", "is", "are", "was", "were", "am", "be", "been", "being", "can",
      "could", "will", "would", "shall", "should", "may", "might", "must", "has", "have", "had", "having", "tell",
      "say", "said", "says", "saying", "know", "knew", "happen", "happened", "happening", "mention", "mentioned",
      "according", "anyone", "anybody", "anything", "something", "someone", "thing", "things", "article",
      "articles", "news", "please", "following", "ever", "i", "me", "my", "you", "your", "we", "us", "our", "he",
      "him", "his", "she", "her", "hers", "they", "them", "its", "about", "from", "all", "any", "some", "so", "also",
      "just", "only", "very", "more", "most", "much", "many", "other", "same", "each", "both", "than", "too",
      "up", "out", "over", "after", "before", "during", "while", "again", "yet", "already", "still", "here", "go",
      "goes", "going", "went", "gone", "get", "gets", "getting", "got", "s", "t", "won't", "don't", "doesn't",
      "didn't", "isn't", "aren't", "wasn't", "weren't", "can't", "couldn't", "wouldn't", "shouldn't", "hasn't",
      "haven't", "hadn't");
  /** Words that only name the kind of answer asked for ("what date", "the name of", "what number"). */
  private static final Map<AnswerKind, Set<String>> CUES = Map.of(
      AnswerKind.TIME, Set.of("date", "dates", "time", "year", "day", "month"),
      AnswerKind.QUANTITY, Set.of("number", "amount", "percentage", "percent", "share", "proportion"),
      AnswerKind.MONEY, Set.of("amount"),
      AnswerKind.AGE, Set.of("old", "age", "ages", "aged"),
      AnswerKind.NAME, Set.of("name", "named", "called", "title"),
      AnswerKind.REASON, Set.of("reason", "reasons", "cause", "caused", "causes", "prompted", "triggered"));
  private static final Pattern RECENT = Pattern.compile("\\b(?:(?:this|last|past|previous) (?:week|weekend|month)|"
      + "recently|latest|newest|most recent|currently|nowadays|right now|these days|so far)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern ASKS = Pattern.compile("\\b(?:who|whom|whose|what|which|when|where|why|how)\\b"
      + "|^\\s*(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\\b", Pattern.CASE_INSENSITIVE);
  /** "How long", "how high": the word after "how" only says what size is asked for, as "old" says an age. */
  private static final Pattern HOW_SIZE = Pattern.compile("\\bhow (" + AnswerKind.SIZES + ")\\b", Pattern.CASE_INSENSITIVE);
  /** A message of this many words or fewer that asks nothing only names a subject. */
  private static final int MAX_WORDS_OF_A_TOPIC = 3;
  /**
   * A question about the newest reports on something: "What is the latest on the tram?", "Any news
   * on the flood?"; not "the latest vaccine".
   */
  private static final Pattern LATEST = Pattern.compile("\\b(?:latest|newest|most recent)(?: news| updates?| reports?)?"
      + " (?:on|about|from|with)\\b|\\bwhat(?:'s|’s| is) (?:the )?(?:latest|newest)\\b|\\bwhat(?:'s|’s| is) new\\b"
      + "|\\bany news\\b|\\b(?:news|updates?) (?:on|about)\\b", Pattern.CASE_INSENSITIVE);

  /** "How many stops…", "how many scheduled flights…": the words after it name what is counted. */
  private static final Pattern HOW_MANY = Pattern.compile("\\bhow many\\b", Pattern.CASE_INSENSITIVE);
  /** At most this many words after "how many" can name what is counted. */
  private static final int MAX_COUNTED_WORDS = 3;
  /**
   * A plural as "how many" asks it: "bikes", "firefighters"; not "glass", nor "bus", "campus" or
   * "virus", which name what is counted only before a plural ("bus routes", "virus cases").
   */
  private static final Pattern PLURAL = Pattern.compile("\\p{L}+[^su\\W]s", Pattern.UNICODE_CHARACTER_CLASS);

  Question {
    terms = List.copyOf(terms);
  }

  /** The question in {@code typed}; an empty text when it held nothing but pleasantries. */
  static Question of(String typed) {
    String text = QuestionText.clean(typed);
    String content = HOW_SIZE.matcher(RECENT.matcher(text).replaceAll(" ")).replaceAll("how");
    AnswerKind kind = AnswerKind.of(text);
    Set<String> cues = CUES.getOrDefault(kind, Set.of());
    Optional<String> measure = measureAsked(kind, text);
    List<Terms.Token> terms = contentTerms(content).stream()
        .filter(t -> !cues.contains(content.substring(t.start(), t.end()).toLowerCase(Locale.ROOT)))
        .filter(t -> measure.isEmpty() || !measure.get().equalsIgnoreCase(content.substring(t.start(), t.end())))
        .toList();
    return new Question(text, kind, terms);
  }

  /**
   * The terms that say what a question is about, without the word that only names the measure it
   * asks for ("embankments" of "How much will the embankments cost?"); all its terms when it asks no
   * figure, or when every term names the measure ("How much does it cost?").
   */
  List<Terms.Token> subjectTerms() {
    if (!kind.figure()) return terms;
    List<Terms.Token> subject = terms.stream().filter(t -> !AnswerKind.namesAMeasure(t)).toList();
    return subject.isEmpty() ? terms : subject;
  }

  /** Whether {@code text} asks for the newest reports on its subject. */
  static boolean asksLatest(String text) {
    return LATEST.matcher(text).find();
  }

  /** Whether {@code text} only names a subject ("tram?", "library renovation"): readers ask what is new on it. */
  static boolean namesOnlyASubject(String text) {
    return !asks(text) && Terms.wordCount(text) <= MAX_WORDS_OF_A_TOPIC;
  }

  /** Whether {@code text} asks something in words of its own: a question word, or a verb that opens a question. */
  static boolean asks(String text) {
    return ASKS.matcher(text).find();
  }

  /** The terms of {@code text} that say what it is about. */
  static List<Terms.Token> contentTerms(String text) {
    List<Terms.Token> out = new ArrayList<>();
    for (Terms.Token t : Terms.tokens(text)) {
      String surface = text.substring(t.start(), t.end());
      String word = surface.toLowerCase(Locale.ROOT).replace('’', '\'');
      if (word.endsWith("'s")) word = word.substring(0, word.length() - 2); // "what's", "who's"
      boolean acronym = surface.length() > 1 && !surface.equals(word) && surface.equals(surface.toUpperCase(Locale.ROOT));
      if (t.number() || acronym || (!ASKING.contains(word) && word.length() >= 2)) out.add(t); // "US" is a country, "us" a pronoun
    }
    return out;
  }

  /**
   * The stems of the words that say what "how many" counts ("stops" in "How many stops will the
   * tram have?"): up to {@link #MAX_COUNTED_WORDS} words after it, until a stop word or a word that
   * only makes it a question; empty when it asks no count.
   */
  List<String> counted() {
    return countedWords().stream().map(w -> Terms.tokens(w).getFirst().stem()).toList();
  }

  /**
   * The stem of the word that names what "how many" counts: the first plural of {@link #counted}
   * ("bikes" in "How many new bikes?", "firefighters" in "How many firefighters helped?"), else its
   * first ("people"); empty when it asks no count.
   */
  Optional<String> countedNoun() {
    List<String> words = countedWords();
    Optional<String> plural = words.stream().filter(w -> PLURAL.matcher(w).matches()).findFirst();
    return plural.or(() -> words.stream().findFirst()).map(w -> Terms.tokens(w).getFirst().stem());
  }

  private List<String> countedWords() {
    Matcher m = HOW_MANY.matcher(text);
    if (!m.find()) return List.of();
    List<String> out = new ArrayList<>();
    String rest = text.substring(m.end());
    for (String word : rest.split("[^\\p{L}\\p{N}'’]+")) {
      if (word.isEmpty()) continue;
      List<Terms.Token> term = Terms.tokens(word);
      if (out.size() == MAX_COUNTED_WORDS || term.isEmpty() || ASKING.contains(word.toLowerCase(Locale.ROOT))) break;
      out.add(word);
    }
    return out;
  }

  /**
   * The size a "how" question asks for ("high" in "How high did the river get?"), or the measure a
   * "what is the …" question names ("budget"): a sentence that repeats it ("the highest reading") is
   * likelier to answer, but an answer need not ("4.8 metres").
   */
  List<Terms.Token> sizeWords() {
    List<Terms.Token> out = new ArrayList<>();
    Matcher m = HOW_SIZE.matcher(text);
    while (m.find()) out.addAll(Terms.tokens(m.group(1)));
    measureAsked(kind, text).ifPresent(noun -> out.addAll(Terms.tokens(noun)));
    return out;
  }

  /**
   * The noun that names the figure a "what is the …" question asks for ("budget" in "What is the
   * tram's budget?"): the figure answers it as "4.8 metres" answers "how high", so, like "high", it
   * helps rank but an answer need not repeat it.
   */
  private static Optional<String> measureAsked(AnswerKind kind, String text) {
    return kind.figure() ? AnswerKind.measureAsked(text) : Optional.empty();
  }

  /** The same question asking for {@code other}: a follow-up ("And in 2023?") asks what the question before it did. */
  Question asking(AnswerKind other) {
    return new Question(text, other, terms);
  }

  boolean isEmpty() {
    return text.isBlank();
  }
}

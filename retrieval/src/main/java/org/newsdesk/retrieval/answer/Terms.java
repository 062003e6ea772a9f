package org.newsdesk.retrieval.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * The word normalisation shared by sentence scoring and the citation check: lower case,
 * possessives dropped, English (Porter2) stems, stop words and question words removed. A term is
 * salient when it is a number or a capitalised word: names and figures carry a claim.
 */
final class Terms {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[.,][\\p{N}]+)*(?:['’][\\p{L}]+)?");
  private static final Pattern NUMBER = Pattern.compile("[\\p{N}]+(?:[.,][\\p{N}]+)*");
  private static final ThreadLocal<EnglishStemmer> STEMMER = ThreadLocal.withInitial(EnglishStemmer::new);

  /** Function words plus the words questions are made of ("what did he say about"). */
  static final Set<String> STOP = Set.of(
      "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "if", "then", "than", "as", "at", "by", "for",
      "from", "in", "into", "of", "on", "onto", "to", "with", "without", "about", "over", "under", "after",
      "before", "between", "through", "during", "against", "among", "within", "up", "down", "out", "off",
      "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "doing", "have",
      "has", "had", "having", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
      "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "hers", "it", "its",
      "they", "them", "their", "theirs", "this", "that", "these", "those", "there", "here", "who", "whom",
      "whose", "which", "what", "when", "where", "why", "how", "not", "no", "yes", "all", "any", "some",
      "such", "also", "just", "only", "very", "too", "more", "most", "much", "many", "other", "own", "same",
      "each", "both", "few", "s", "t", "say", "said", "says", "saying", "tell", "told", "according",
      "please", "know", "anything", "something", "thing", "things", "happen", "happened", "mention",
      "mentioned", "article", "articles", "ever", "again", "whether");

  private Terms() {}

  /** One word of a text: its stem, its position among the text's words, whether it is salient. */
  record Token(String stem, int position, boolean salient, boolean number) {}

  /** The content words of {@code text} in order (stop words removed, positions kept). */
  static List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    int position = 0;
    while (m.find()) {
      String raw = m.group();
      int apostrophe = Math.max(raw.indexOf('\''), raw.indexOf('’'));
      if (apostrophe > 0) raw = raw.substring(0, apostrophe);
      String lower = raw.toLowerCase(Locale.ROOT);
      int pos = position++;
      boolean acronym = raw.length() > 1 && raw.equals(raw.toUpperCase(Locale.ROOT)) && !raw.equals(lower);
      if (STOP.contains(lower) && !acronym) continue; // "US" is a country, "us" a pronoun
      boolean number = NUMBER.matcher(raw).matches();
      if (!number && lower.length() < 2) continue;
      boolean salient = number || Character.isUpperCase(raw.charAt(0));
      out.add(new Token(number ? lower.replace(",", "") : stem(lower), pos, salient, number));
    }
    return out;
  }

  static String stem(String lowerWord) {
    EnglishStemmer s = STEMMER.get();
    s.setCurrent(lowerWord);
    s.stem();
    return s.getCurrent();
  }

  /** The number of words (any word, stop words included) of a text. */
  static int wordCount(String text) {
    Matcher m = WORD.matcher(text);
    int n = 0;
    while (m.find()) n++;
    return n;
  }
}

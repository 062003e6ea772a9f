package org.newsdesk.retrieval.answer;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.rag.query.transformer.QueryTransformer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline query step: a question that leans on the conversation ("What did he say about
 * Kaliningrad?", "And in 2014?") gets the key words of the previous standalone question appended,
 * so the search sees who and what "he" and "it" are. Other questions pass unchanged.
 */
public final class FollowUpQueryTransformer implements QueryTransformer {
  private static final Set<String> LEANING = Set.of("he", "him", "his", "she", "her", "hers", "it", "its", "they",
      "them", "their", "that", "this", "these", "those", "there", "then", "same", "else", "former", "latter");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");
  private static final int MAX_CARRIED = 8;
  /** What a follow-up may open with and still ask nothing of its own: "And in 2023?", "What about Poland?". */
  private static final Pattern OPENING = Pattern.compile("^\\s*(?:and\\s+)?(?:(?:what|how)\\s+about\\b)?",
      Pattern.CASE_INSENSITIVE);
  /** The words that say what kind of answer a question wants: "When", "How much", "Who". */
  private static final Pattern ASKING_WORDS = Pattern.compile("\\b(?:who|whom|whose|what|which|when|where|why"
      + "|how(?:\\s+(?:many|much|old|" + AnswerKind.SIZES + "))?)\\b", Pattern.CASE_INSENSITIVE);
  /** A question with more content words than this names its own subject, pronouns or not. */
  private static final int MAX_WORDS_OF_A_FOLLOW_UP = 3;

  @Override
  public Collection<Query> transform(Query query) {
    List<String> previous = new ArrayList<>();
    List<ChatMessage> memory = query.metadata() == null ? List.of() : query.metadata().chatMemory();
    for (ChatMessage m : memory == null ? List.<ChatMessage>of() : memory) {
      if (m instanceof UserMessage u && u.hasSingleText()) previous.add(u.singleText());
    }
    return List.of(Query.from(standalone(query.text(), previous), query.metadata()));
  }

  /** The standalone form of {@code question} given the earlier questions of the conversation, oldest first. */
  public static String standalone(String question, List<String> earlierQuestions) {
    String context = null;
    for (String q : earlierQuestions) context = context == null ? q : rewrite(q, context);
    return context == null ? question : rewrite(question, context);
  }

  /** Whether a question leans on what was said before: a pronoun, or hardly any words of its own. */
  public static boolean isFollowUp(String question) {
    int ownWords = Question.contentTerms(question).size();
    if (ownWords <= 1) return true;
    String lower = question.strip().toLowerCase(Locale.ROOT);
    if (lower.startsWith("and ") || lower.startsWith("what about") || lower.startsWith("how about")) return true;
    if (ownWords > MAX_WORDS_OF_A_FOLLOW_UP) return false; // "...when Biden called him a killer": the pronoun points inside
    Matcher m = WORD.matcher(question);
    while (m.find()) {
      if (LEANING.contains(m.group().toLowerCase(Locale.ROOT))) return true;
    }
    return false;
  }

  private static String rewrite(String question, String previousStandalone) {
    if (!isFollowUp(question)) return question;
    // "And in 2023?" after "When will the tram open?" asks when, as the question before did.
    Matcher opening = OPENING.matcher(question);
    String rest = opening.lookingAt() ? question.substring(opening.end()) : question;
    Matcher asking = ASKING_WORDS.matcher(previousStandalone);
    String kind = !Question.asks(rest) && asking.find()
        ? Character.toUpperCase(asking.group().charAt(0)) + asking.group().substring(1) + " " : "";
    Set<String> own = new LinkedHashSet<>();
    for (Terms.Token t : Question.contentTerms(question + " " + kind)) own.add(t.stem()); // "How deep" carries "deep"
    Set<String> carried = new LinkedHashSet<>();
    Matcher m = WORD.matcher(previousStandalone);
    while (m.find() && carried.size() < MAX_CARRIED) {
      String w = m.group();
      List<Terms.Token> t = Question.contentTerms(w);
      if (t.isEmpty() || own.contains(t.get(0).stem())) continue;
      own.add(t.get(0).stem());
      carried.add(w);
    }
    if (carried.isEmpty()) return question;
    return question.strip() + " " + kind + String.join(" ", carried);
  }
}

package org.newsdesk.bot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.answer.Answer;
import org.newsdesk.retrieval.answer.Citation;
import org.newsdesk.retrieval.answer.SentenceRanker;
import org.newsdesk.retrieval.ingest.Span;

/**
 * The sources under an answer as a reader sees them, in the terminal and in Telegram alike: one
 * entry per citation number, in the order of the numbers, however many passages or quotes the
 * answer gives that number. Each supporting sentence is shown once: an entry keeps only the
 * sentences of its quotes that the answer text does not already hold word for word, and sentences
 * that follow one another stay one quote. An extractive answer is made of the articles' own
 * sentences, so its sources come down to headline, outlet, date and link, even when it gives two
 * sentences of one passage in another order than the passage's (their citation quotes both, as one
 * span); a model writes in its own words, so its sources still quote what supports it.
 */
public final class AnswerSources {
  /** A citation marker in answer text: {@code [1]}, {@code [1, 3]}. */
  private static final Pattern MARKER = Pattern.compile("\\[\\d+(?:\\s*[,;]\\s*\\d+)*\\]");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private AnswerSources() {}

  /**
   * Source {@code [n]}: the article as its first citation with that number gives it (headline,
   * outlet, date and link are the article's), and the quotes to show under it, each once.
   */
  public record Source(int n, Passage passage, List<String> quotes) {
    public Source {
      quotes = List.copyOf(quotes);
    }
  }

  /** The answer's sources, numbers ascending; empty for an answer that cites nothing. */
  public static List<Source> of(Answer answer) {
    String said = words(MARKER.matcher(answer.text()).replaceAll(" "));
    Map<Integer, Passage> articles = new TreeMap<>();
    Map<Integer, Set<String>> quotes = new LinkedHashMap<>();
    for (Citation c : answer.citations()) {
      articles.putIfAbsent(c.n(), c.passage());
      Set<String> shown = quotes.computeIfAbsent(c.n(), n -> new LinkedHashSet<>());
      shown.addAll(unsaid(c.quote(), said));
    }
    List<Source> sources = new ArrayList<>();
    articles.forEach((n, passage) -> sources.add(new Source(n, passage, new ArrayList<>(quotes.get(n)))));
    return sources;
  }

  /**
   * The runs of {@code quote}'s sentences that {@code said} (as {@link #words} gives it) does not
   * hold, each run one quote with its white space made single spaces.
   */
  private static List<String> unsaid(String quote, String said) {
    List<String> runs = new ArrayList<>();
    int from = -1;
    int to = -1;
    for (Span sentence : SentenceRanker.lines(quote)) {
      if (said.contains(words(sentence.of(quote)))) {
        if (from >= 0) runs.add(spaced(quote.substring(from, to)));
        from = -1;
      } else {
        if (from < 0) from = sentence.start();
        to = sentence.end();
      }
    }
    if (from >= 0) runs.add(spaced(quote.substring(from, to)));
    return runs;
  }

  private static String spaced(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }

  /** The words of {@code text}, lower case, each between spaces: containment of one in another is word for word. */
  private static String words(String text) {
    StringBuilder out = new StringBuilder(" ");
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) out.append(m.group()).append(' ');
    return out.toString();
  }
}

package org.newsdesk.retrieval.answer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.newsdesk.retrieval.index.IndexFields;
import org.newsdesk.retrieval.index.NewsAnalyzer;

/**
 * The words of a text as the index sees them: the answer side reads questions, sentences and
 * claims through the same analysis chain that indexed the passages ({@link NewsAnalyzer}), so a
 * word matches in an answer exactly when it matches in a search. Each term keeps where it stands
 * in the text, so the reader can tell names and figures (salient terms) from other words.
 */
final class Terms {
  private static final Analyzer ANALYZER = new NewsAnalyzer();

  private Terms() {}

  /**
   * One term of a text: its analysed form, its position (stop words leave a gap), its character
   * offsets, whether it is a number, and whether it is salient (a number, or a word written with a
   * capital letter: names and figures carry a claim).
   */
  record Token(String stem, int position, int start, int end, boolean salient, boolean number) {}

  /** The terms of {@code text} in order. */
  static List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    try (TokenStream ts = ANALYZER.tokenStream(IndexFields.TEXT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int position = -1;
      while (ts.incrementToken()) {
        position += increment.getPositionIncrement();
        int start = offset.startOffset();
        boolean number = Character.isDigit(text.charAt(start));
        boolean salient = number || Character.isUpperCase(text.charAt(start));
        String stem = number ? term.toString().replace(",", "") : term.toString();
        out.add(new Token(stem, position, start, offset.endOffset(), salient, number));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot analyse text", e);
    }
    return out;
  }

  /** The analysed form of one word (its stem), or the word lower-cased when the analysis drops it. */
  static String stem(String word) {
    List<Token> t = tokens(word);
    return t.isEmpty() ? word.toLowerCase(java.util.Locale.ROOT) : t.getFirst().stem();
  }

  /** The number of words of a text: runs of letters or digits, stop words included. */
  static int wordCount(String text) {
    int n = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean letter = Character.isLetterOrDigit(text.charAt(i));
      if (letter && !inWord) n++;
      inWord = letter;
    }
    return n;
  }
}

package org.newsdesk.retrieval.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class CachedPorterStemFilterTest {
  /** The analyser as it was before stems were cached: Lucene's PorterStemFilter on every word. */
  private static final class UncachedAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      StandardTokenizer source = new StandardTokenizer();
      TokenStream result = new EnglishPossessiveFilter(source);
      result = new LowerCaseFilter(result);
      result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
      result = new PorterStemFilter(result);
      return new TokenStreamComponents(source, result);
    }
  }

  private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(IndexFields.TEXT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(term + "+" + inc.getPositionIncrement());
      ts.end();
    }
    return out;
  }

  @Test
  void should_stem_like_porter_when_words_repeat_across_texts() throws IOException {
    // given
    String first = "The ferries were travelling; travelling ferries' engines RUNNING, the runner's runs ran.";
    String second = "Runners travelled by ferry: a ferry's engine ran, engines run, generalizations generalize.";
    try (Analyzer cached = new NewsAnalyzer(); Analyzer plain = new UncachedAnalyzer()) {
      // when
      List<String> cachedFirst = tokens(cached, first);
      List<String> cachedSecond = tokens(cached, second);
      // then
      assertThat(cachedFirst).isEqualTo(tokens(plain, first))
          .contains("ferri+2", "travel+1", "engin+1", "run+1", "runner+2");
      assertThat(cachedSecond).isEqualTo(tokens(plain, second)).contains("gener+1");
    }
  }

  @Test
  void should_keep_stemming_right_when_more_words_than_the_cache_holds_pass() throws IOException {
    // given: more distinct words than the cache keeps, then words seen before the cache was emptied
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < CachedPorterStemFilter.MAX_WORDS + 500; i++) {
      many.append("word").append(Integer.toString(i, 26).replaceAll("[0-9]", "x")).append("ings ");
    }
    String again = "wordxings wordaings wordxxings travelling";
    try (Analyzer cached = new NewsAnalyzer(); Analyzer plain = new UncachedAnalyzer()) {
      // when
      List<String> cachedMany = tokens(cached, many.toString());
      List<String> cachedAgain = tokens(cached, again);
      // then
      assertThat(cachedMany).isEqualTo(tokens(plain, many.toString()));
      assertThat(cachedAgain).isEqualTo(tokens(plain, again)).contains("travel+1");
    }
  }
}

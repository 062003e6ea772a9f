package org.newsdesk.retrieval.index;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Porter stemming, as {@link PorterStemFilter} does it, with a cache of the words already stemmed
 * by this stream: news text repeats a small vocabulary, so most words are stemmed once per
 * indexing thread instead of once per occurrence. Each cache miss runs the word through Lucene's
 * own {@link PorterStemFilter}, so the output is the same. The cache is emptied when it reaches
 * {@value #MAX_WORDS} words, which bounds its memory.
 */
final class CachedPorterStemFilter extends TokenFilter {
  static final int MAX_WORDS = 20_000;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
  private final CharArrayMap<char[]> stems = new CharArrayMap<>(4096, false);
  private final OneWord word = new OneWord();
  private final TokenStream stemmer = new PorterStemFilter(word);
  private final CharTermAttribute stemmed = stemmer.getAttribute(CharTermAttribute.class);

  CachedPorterStemFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) return false;
    if (keyword.isKeyword()) return true;
    char[] buffer = term.buffer();
    int length = term.length();
    char[] stem = stems.get(buffer, 0, length);
    if (stem == null) {
      stem = stem(buffer, length);
      if (stems.size() >= MAX_WORDS) stems.clear();
      stems.put(Arrays.copyOf(buffer, length), stem);
    }
    term.copyBuffer(stem, 0, stem.length);
    return true;
  }

  private char[] stem(char[] buffer, int length) throws IOException {
    word.set(buffer, length);
    stemmer.reset();
    if (!stemmer.incrementToken()) throw new IllegalStateException("the stemmer dropped a word");
    char[] out = Arrays.copyOf(stemmed.buffer(), stemmed.length());
    stemmer.end();
    return out;
  }

  /** A stream of exactly one word, fed to the stemmer. */
  private static final class OneWord extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private char[] buffer = new char[0];
    private int length;
    private boolean pending;

    void set(char[] source, int sourceLength) {
      buffer = source;
      length = sourceLength;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      pending = true;
    }

    @Override
    public boolean incrementToken() {
      if (!pending) return false;
      pending = false;
      clearAttributes();
      term.copyBuffer(buffer, 0, length);
      return true;
    }
  }
}

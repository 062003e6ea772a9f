package org.newsdesk.retrieval.answer;

import java.util.Set;
import java.util.stream.Collectors;
import org.newsdesk.retrieval.embed.BgeSmallEmbeddingModel;

/**
 * Whether a term is a known English word's, as the reader stems it: the stems of the whole words of
 * the embedding model's vocabulary ({@link BgeSmallEmbeddingModel#vocabularyWords()}). A question
 * term that is no known word's and no passage's may be a typo. Read once (about 22,000 words), on
 * first use or when an answerer starts ({@link #readAhead()}).
 */
final class KnownWords {
  private KnownWords() {}

  private static final class Stems {
    static final Set<String> ALL = BgeSmallEmbeddingModel.vocabularyWords().stream().map(Terms::stem)
        .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
  }

  /** Starts reading the words beside the caller, so the first question does not wait for them (0.3–0.7 s). */
  static void readAhead() {
    Thread.ofVirtual().name("known-words").start(() -> has(""));
  }

  static boolean has(String stem) {
    return Stems.ALL.contains(stem);
  }
}

package org.newsdesk.bot.log;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vector of a not-found answer's query, by the embedding model of dense retrieval, so the
 * review page groups the same need asked in other words without a model of its own. Called before
 * the log's transaction, so no other write waits for the model; a model that fails costs the answer
 * nothing: it is stored without a vector and grouped by its words.
 */
final class QuestionMeaning {
  /** Under the answer log's name: the warning is about an answer being logged. */
  private static final Logger log = LoggerFactory.getLogger(AnswerLog.class);
  /** A query is embedded from at most this many characters: a pasted essay costs no more than a long question. */
  private static final int MAX_EMBEDDED_CHARS = 1_000;

  /** A query's vector and the name of the model that made it, as {@code question_vectors} stores them. */
  record Vector(String model, float[] values) {}

  private final Optional<EmbeddingModel> model;

  QuestionMeaning(Optional<EmbeddingModel> model) {
    this.model = model;
  }

  /** The vector of {@code query}; empty without a model, a query, or when the model fails. */
  Optional<Vector> of(long answerId, String query) {
    if (model.isEmpty() || query == null || query.isBlank()) return Optional.empty();
    String text = query.strip();
    if (text.length() > MAX_EMBEDDED_CHARS) text = text.substring(0, MAX_EMBEDDED_CHARS);
    try {
      return Optional.of(new Vector(model.get().modelName(), model.get().embed(text).content().vector()));
    } catch (RuntimeException e) {
      log.atWarn().setCause(e).addKeyValue("answerId", answerId)
          .log("question not embedded; insights group it by its words");
      return Optional.empty();
    }
  }
}

package org.newsdesk.bot.review;

import java.time.Instant;
import java.util.List;

/**
 * Everything the log holds about one answer: what the review page's detail and Telegram's
 * {@code /show} present. Text that may be missing is the empty string; {@code answerText} is the
 * Telegram HTML exactly as the reader was sent it; {@code replyMessageIds} the Telegram ids of the
 * messages the reader holds; {@code refusal} why the bot did not answer, for a refused question.
 */
public record AnswerDetail(QueueRow summary, long updateId, String chatId, String userId, String question,
                           String answerText, String notice, String query, String latency, String replyMessageIds,
                           String incidentId, String refusal, List<Citation> citations, List<Sentence> sentences,
                           List<Retrieved> retrieved, List<Action> actions) {
  public AnswerDetail {
    citations = List.copyOf(citations);
    sentences = List.copyOf(sentences);
    retrieved = List.copyOf(retrieved);
    actions = List.copyOf(actions);
  }

  /** The answer as the reader saw it, cleaned to Telegram's tags so a page can show it as markup. */
  public String answerHtml() {
    return TelegramHtml.sanitize(answerText);
  }

  /** A source under the answer, its passage split around the quote. */
  public record Citation(int n, String articleId, int passageOrdinal, String title, String source, String url,
                         String published, QuoteHighlight passage, String quote, boolean supported, double score) {}

  /** The support check of one answer sentence. */
  public record Sentence(int ordinal, String sentence, String cited, double support, boolean supported) {}

  /** A passage retrieval returned, with its score. */
  public record Retrieved(int rank, String articleId, int passageOrdinal, double score) {}

  /** A moderation action: who, what, when, and the note when there is one. */
  public record Action(String moderator, String action, String note, Instant at) {}
}

package org.newsdesk.bot.telegram;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.newsdesk.bot.AnswerSources;
import org.newsdesk.retrieval.answer.Answer;

/**
 * Everything a reader or moderator reads from the bot: the rendered answer with its sources,
 * and the fixed sentences (welcome, help, refusals). Article and user text is escaped here, by
 * {@link Block.Span}, and nowhere else.
 */
public final class TelegramReplies {
  /** Quotes longer than this are shown in an expandable blockquote. */
  static final int EXPANDABLE_QUOTE_CHARS = 300;

  public static final String START = """
      I answer questions about the news articles I have read, and quote the articles I use.
      Just ask in plain words, for example: What did the minister announce?""";
  public static final String HELP = """
      How to ask: write your question in plain words. In a group, start with /ask, mention me, or reply to one of my answers.
      Every answer cites its sources [1], [2] and quotes them; rate it with 👍 or 👎.

      /ask question: ask in a group
      /sources: what I know
      /help: this message""";
  public static final String NON_TEXT = "I can only read text questions.";
  public static final String EMPTY_QUESTION = "Your question is empty. Write it after /ask, for example: /ask What did the minister announce?";
  public static final String REFUSED = "Sorry, that command is only for the newsdesk team.";
  public static final String UNKNOWN_COMMAND = "I don't know that command. /help lists what I can do.";
  public static final String FEEDBACK_THANKS = "Thanks for the feedback!";
  /** The toast of a vote that is not counted: the same whatever the reason, so it tells nothing about other answers. */
  public static final String FEEDBACK_NOT_COUNTED = "This vote can't be counted.";
  /** The passage index cannot be reached: not "not found", since the articles may well say. */
  public static final String ARTICLES_UNAVAILABLE =
      "Sorry, the articles are unavailable right now. Please ask again in a few minutes.";

  private TelegramReplies() {}

  /** Where team commands work; a group is told only this, whoever asked and whatever the command. */
  public static String teamCommandsInPrivate(String botUsername) {
    return "Team commands work only in a private chat with me"
        + (botUsername.isBlank() ? "." : ": @" + botUsername);
  }

  /** Fixed text as blocks: one per paragraph (blank lines separate them), escaped when sent as HTML. */
  public static List<Block> text(String text) {
    List<Block> blocks = new ArrayList<>();
    for (String p : text.split("\n\n")) if (!p.isBlank()) blocks.add(Block.plain(p));
    return blocks;
  }

  public static String tooLong(int chars, int max) {
    return "That question is too long (" + chars + " characters). Please keep it under " + max + " characters.";
  }

  public static String rateLimited(int perMinute) {
    return "You are asking faster than I can keep up (" + perMinute
        + " questions a minute). Please wait a moment and ask again.";
  }

  public static String failure(String incidentId) {
    return "Sorry, something went wrong while answering. If you report it, mention incident " + incidentId + ".";
  }

  /** The toast of a 👍/👎 press that could not be recorded. */
  public static String feedbackFailed(String incidentId) {
    return "Sorry, your vote could not be recorded (incident " + incidentId + ").";
  }

  /** The answer text paragraph by paragraph, a fallback notice in italics, then each source. */
  public static List<Block> answer(Answer answer) {
    List<Block> blocks = new ArrayList<>();
    for (String paragraph : answer.text().split("\n\\s*\n")) {
      if (!paragraph.isBlank()) blocks.add(Block.plain(paragraph.strip()));
    }
    if (blocks.isEmpty()) blocks.add(Block.plain(Answer.NOT_FOUND));
    answer.notice().filter(n -> !n.isBlank()).ifPresent(n -> blocks.add(Block.of(Block.Span.italic(n.strip()))));
    if (!answer.citations().isEmpty()) blocks.add(Block.of(Block.Span.bold("Sources")));
    for (AnswerSources.Source s : AnswerSources.of(answer)) blocks.add(source(s));
    return blocks;
  }

  /**
   * {@code [n] <b>headline</b>}, source and date, the link, and the quotes the answer text does not
   * already say word for word ({@link AnswerSources}).
   */
  static Block source(AnswerSources.Source s) {
    List<Block.Span> spans = new ArrayList<>();
    spans.add(Block.Span.plain("[" + s.n() + "] "));
    String title = s.passage().title().isBlank() ? "Untitled" : s.passage().title().strip();
    spans.add(Block.Span.bold(title));
    spans.add(Block.Span.plain("\n" + sourceLine(s.passage().source(), s.passage().published())));
    s.passage().url().ifPresent(url -> {
      spans.add(Block.Span.plain("\n"));
      spans.add(new Block.Span("<a href=\"" + Html.attribute(url.toString()) + "\">", url.toString(), "</a>"));
    });
    for (String quote : s.quotes()) {
      spans.add(Block.Span.plain("\n"));
      String open = quote.length() > EXPANDABLE_QUOTE_CHARS ? "<blockquote expandable>" : "<blockquote>";
      spans.add(new Block.Span(open, quote, "</blockquote>"));
    }
    return new Block(spans);
  }

  static String sourceLine(Optional<String> source, Optional<LocalDate> published) {
    String date = published.map(LocalDate::toString).orElse("undated");
    return source.filter(s -> !s.isBlank()).map(s -> s.strip() + " · " + date).orElse(date);
  }
}

package org.newsdesk.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.newsdesk.config.AnswerMode;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.answer.Answer;
import org.newsdesk.retrieval.answer.Citation;

class TelegramRepliesTest {
  @Test
  void should_escape_article_text_and_mark_undated_when_a_source_has_markup_and_no_date() {
    Passage p = new Passage("a1", 0, "Q&A: <Budget> \"explained\"", "Body text here.",
        Optional.of(URI.create("https://example.org/a?b=1&c=2")), Optional.empty(), Optional.empty(), 0, 15);
    String longQuote = "Tax <rises> & cuts. ".repeat(20).strip();
    Answer a = new Answer(true, "First para [1].\n\nSecond <para>.", AnswerMode.OPENAI,
        List.of(new Citation(1, p, longQuote, 0, longQuote.length(), true, 1f)), List.of(), List.of(),
        Optional.of("The model was slow; this is the extractive answer."), "q");

    String html = new MessageSplitter().split(TelegramReplies.answer(a)).get(0).html();

    assertThat(html).isEqualTo("First para [1].\n\nSecond &lt;para&gt;.\n\n"
        + "<i>The model was slow; this is the extractive answer.</i>\n\n<b>Sources</b>\n\n"
        + "[1] <b>Q&amp;A: &lt;Budget&gt; \"explained\"</b>\nundated\n"
        + "<a href=\"https://example.org/a?b=1&amp;c=2\">https://example.org/a?b=1&amp;c=2</a>\n"
        + "<blockquote expandable>" + longQuote.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        + "</blockquote>");
  }

  @Test
  void should_list_headline_outlet_date_and_link_without_the_quote_when_the_answer_quotes_the_article_itself() {
    Passage p = new Passage("ferry", 0, "A new ferry terminal", "Ferries will run every twenty minutes.",
        Optional.of(URI.create("https://news.example/ferry")), Optional.of(java.time.LocalDate.of(2023, 3, 1)),
        Optional.of("Harbor Gazette"), 0, 38);
    Answer a = new Answer(true, "Ferries will run every twenty minutes [1].", AnswerMode.EXTRACTIVE,
        List.of(new Citation(1, p, p.text(), 0, 38, true, 1f)), List.of(), List.of(), Optional.empty(), "q");

    String html = new MessageSplitter().split(TelegramReplies.answer(a)).get(0).html();

    assertThat(html).isEqualTo("Ferries will run every twenty minutes [1].\n\n<b>Sources</b>\n\n"
        + "[1] <b>A new ferry terminal</b>\nHarbor Gazette · 2023-03-01\n"
        + "<a href=\"https://news.example/ferry\">https://news.example/ferry</a>");
  }

  @Test
  void should_show_an_article_cited_through_two_passages_once_under_its_number_with_each_quote_once() {
    Passage caption = new Passage("ferry", 1, "A new ferry terminal", "The terminal at dusk.", Optional.empty(),
        Optional.empty(), Optional.empty(), 40, 61);
    Passage body = new Passage("ferry", 0, "A new ferry terminal", "Ferries will run every twenty minutes.",
        Optional.empty(), Optional.empty(), Optional.empty(), 0, 38);
    Answer a = new Answer(true, "A ferry every 20 minutes [1].", AnswerMode.OPENAI,
        List.of(new Citation(1, body, body.text(), 0, 38, true, 1f), new Citation(1, caption, caption.text(), 40, 61, true, 1f),
            new Citation(1, body, body.text(), 0, 38, true, 1f)), List.of(), List.of(), Optional.empty(), "q");

    String html = new MessageSplitter().split(TelegramReplies.answer(a)).get(0).html();

    assertThat(html).isEqualTo("A ferry every 20 minutes [1].\n\n<b>Sources</b>\n\n"
        + "[1] <b>A new ferry terminal</b>\nundated\n"
        + "<blockquote>Ferries will run every twenty minutes.</blockquote>\n<blockquote>The terminal at dusk.</blockquote>");
  }

  @Test
  void should_escape_double_quotes_only_when_inside_an_attribute() {
    assertThat(Html.attribute("a\"<&>")).isEqualTo("a&quot;&lt;&amp;&gt;");
    assertThat(Html.text("a\"<&>")).isEqualTo("a\"&lt;&amp;&gt;");
  }

  @Test
  void should_read_feedback_data_only_when_it_is_ours() {
    assertThat(Feedback.parse("fb:12:up")).contains(new Feedback(12, 1));
    assertThat(Feedback.parse("fb:12:down")).contains(new Feedback(12, -1));
    assertThat(Feedback.parse("fb:x:up")).isEmpty();
    assertThat(Feedback.data(Long.MAX_VALUE, Feedback.DOWN).getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .hasSizeLessThan(64);
  }
}

package org.newsdesk.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsdesk.testkit.TelegramHtmlCheck;

class MessageSplitterTest {
  private final MessageSplitter splitter = new MessageSplitter();

  @Test
  void should_keep_a_short_reply_in_one_message_when_it_fits() {
    List<MessageSplitter.Part> parts = splitter.split(List.of(Block.plain("a < b"), Block.of(Block.Span.bold("c & d"))));

    assertThat(parts).hasSize(1);
    assertThat(parts.get(0).html()).isEqualTo("a &lt; b\n\n<b>c &amp; d</b>");
    assertThat(parts.get(0).plain()).isEqualTo("a < b\n\nc & d");
  }

  @Test
  void should_split_a_6000_character_bold_span_at_sentences_and_reopen_its_tag_when_one_block_is_too_long()
      throws Exception {
    StringBuilder b = new StringBuilder();
    for (int i = 0; b.length() < 6000; i++) b.append("Claim ").append(i).append(" is <quoted> & checked. ");
    String text = b.toString().strip();

    List<MessageSplitter.Part> parts = splitter.split(List.of(Block.plain("Intro."), Block.of(Block.Span.bold(text))));

    assertThat(parts).hasSizeGreaterThanOrEqualTo(2);
    StringBuilder visible = new StringBuilder();
    for (MessageSplitter.Part p : parts) {
      assertThat(p.html().length()).isLessThanOrEqualTo(MessageSplitter.TELEGRAM_LIMIT);
      visible.append(TelegramHtmlCheck.visibleText(p.html()));
    }
    assertThat(parts.get(1).html()).startsWith("<b>Claim ").endsWith("</b>");
    assertThat(parts.get(0).html()).endsWith("checked. </b>"); // cut after a sentence
    assertThat(visible.toString().replace("\n\n", "")).isEqualTo("Intro." + text);
  }

  @Test
  void should_never_cut_inside_an_entity_when_the_text_is_all_ampersands() throws Exception {
    String text = "&".repeat(5000);

    List<MessageSplitter.Part> parts = splitter.split(List.of(Block.plain(text)));

    List<String> visible = new ArrayList<>();
    for (MessageSplitter.Part p : parts) {
      assertThat(p.html().length()).isLessThanOrEqualTo(MessageSplitter.TELEGRAM_LIMIT);
      visible.add(TelegramHtmlCheck.visibleText(p.html()));
    }
    assertThat(String.join("", visible)).isEqualTo(text);
  }

  @Test
  void should_not_split_a_surrogate_pair_when_cutting_without_spaces() {
    String text = "😀".repeat(3000);

    List<MessageSplitter.Part> parts = splitter.split(List.of(Block.plain(text)));

    assertThat(parts).allSatisfy(p -> assertThat(Character.isLowSurrogate(p.plain().charAt(0))).isFalse());
    assertThat(String.join("", parts.stream().map(MessageSplitter.Part::plain).toList())).isEqualTo(text);
  }
}

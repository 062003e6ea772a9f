package org.newsdesk.retrieval.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.config.IngestConfig;

class ArticleParserTest {
  @TempDir Path root;

  private final ArticleParser parser = new ArticleParser(IngestConfig.defaults());

  private ParseOutcome parse(String name, String content) throws IOException {
    Path file = root.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return parser.parse(root, file);
  }

  private RawArticle only(ParseOutcome outcome) {
    assertThat(outcome.rejections()).isEmpty();
    assertThat(outcome.articles()).hasSize(1);
    return outcome.articles().get(0);
  }

  @Test
  void should_take_the_first_line_as_headline_when_a_txt_starts_with_one() throws IOException {
    RawArticle a = only(parse("city/tram.txt", """
        Tram depot opens in Northgate

        The new tram depot in Northgate opened on Monday with room for 24 trams.
        The depot cost 41 million euros, the city said.
        """));
    assertThat(a.id()).isEqualTo("city/tram.txt");
    assertThat(a.path()).isEqualTo("city/tram.txt");
    assertThat(a.title()).isEqualTo("Tram depot opens in Northgate");
    assertThat(a.paragraphs()).containsExactly(
        "The new tram depot in Northgate opened on Monday with room for 24 trams.",
        "The depot cost 41 million euros, the city said.");
    assertThat(a.url()).isEmpty();
    assertThat(a.published()).isEmpty();
  }

  @Test
  void should_derive_a_headline_when_a_txt_starts_with_a_sentence() throws IOException {
    RawArticle a = only(parse("depot.txt", """
        The new tram depot in Northgate opened on Monday with room for 24 trams and a workshop, the city said on Monday.
        The depot cost 41 million euros.
        """));
    assertThat(a.title()).isEqualTo("The new tram depot in Northgate opened on Monday with room for 24 trams and a workshop");
    assertThat(a.paragraphs()).hasSize(2);
  }

  @Test
  void should_keep_a_long_first_line_as_text_and_derive_the_headline_when_it_ends_like_a_sentence()
      throws IOException {
    String asked = "Why did the city council vote on Tuesday evening to approve the long debated river bridge after"
        + " a heated session in which dozens of residents spoke against it?";
    String exclaimed = "\"We will build the bridge whatever it costs and whoever objects to it, and we will open it"
        + " before the next election!\"";
    RawArticle question = only(parse("ask.txt", asked + "\n\nConstruction starts in May.\n"));
    RawArticle quote = only(parse("quote.txt", exclaimed + "\n\nConstruction starts in May.\n"));
    RawArticle headline = only(parse("short.txt", "Is the bridge worth it?\n\nThe vote was seven to two.\n"));

    assertThat(question.title()).isEqualTo("Why did the city council vote on Tuesday evening to approve the long debated"
        + " river bridge after a\u2026");
    assertThat(question.paragraphs()).containsExactly(asked, "Construction starts in May.");
    assertThat(quote.paragraphs()).containsExactly(exclaimed, "Construction starts in May.");
    assertThat(headline.title()).isEqualTo("Is the bridge worth it?");
    assertThat(headline.paragraphs()).containsExactly("The vote was seven to two.");
  }

  @Test
  void should_shorten_a_derived_headline_when_the_first_sentence_is_long() {
    assertThat(PlainText.deriveHeadline("One two three four five six seven eight nine ten eleven twelve thirteen "
        + "fourteen fifteen sixteen seventeen eighteen nineteen twenty."))
        .isEqualTo("One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
            + "sixteen seventeen eighteen\u2026");
  }

  @Test
  void should_drop_a_banner_block_above_the_headline_when_a_txt_starts_with_one() throws IOException {
    RawArticle a = only(parse("banner.txt", """
        ×
        Enjoying ad-free reading?
        We removed every advert from our site last year.
        Your support keeps it that way.
        Support us

        Bridge reopens after repairs

        The Ashwell footbridge reopened on Friday after six weeks of repairs.
        """));
    assertThat(a.title()).isEqualTo("Bridge reopens after repairs");
    assertThat(a.paragraphs()).containsExactly("The Ashwell footbridge reopened on Friday after six weeks of repairs.");
  }

  @Test
  void should_use_the_longer_headline_when_a_cut_short_copy_comes_first() throws IOException {
    RawArticle a = only(parse("variant.txt", """
        Council delays vote on the

        Council delays vote on the new bus lanes

        The council postponed its vote on the bus lanes to March.
        """));
    assertThat(a.title()).isEqualTo("Council delays vote on the new bus lanes");
    assertThat(a.paragraphs()).containsExactly("The council postponed its vote on the bus lanes to March.");
  }

  @Test
  void should_join_lines_when_a_txt_is_hard_wrapped() throws IOException {
    RawArticle a = only(parse("wrapped.txt", """
        Harbour crane removed

        The old harbour crane, a landmark since 1954, was lifted onto a barge on
        Sunday morning and taken to the maritime museum, where it will be restored
        over the next two years.
        """));
    assertThat(a.paragraphs()).containsExactly("The old harbour crane, a landmark since 1954, was lifted onto a barge "
        + "on Sunday morning and taken to the maritime museum, where it will be restored over the next two years.");
  }

  @Test
  void should_read_front_matter_when_a_markdown_file_has_it() throws IOException {
    RawArticle a = only(parse("md/ferry.md", """
        ---
        id: ferry-2024
        title: "Night ferry returns"
        url: https://example.org/ferry
        published: 2024-05-01
        source: Harbour Post
        tags: [transport]
        ---

        # Night ferry returns

        The night ferry to **Eastholm** runs again from June, the operator
        [announced](https://example.org/a) on Tuesday.

        - Tickets cost 12 euros.
        - Bicycles travel free.
        """));
    assertThat(a.id()).isEqualTo("ferry-2024");
    assertThat(a.title()).isEqualTo("Night ferry returns");
    assertThat(a.url()).contains(URI.create("https://example.org/ferry"));
    assertThat(a.published()).contains(LocalDate.of(2024, 5, 1));
    assertThat(a.source()).contains("Harbour Post");
    assertThat(a.paragraphs()).containsExactly(
        "The night ferry to Eastholm runs again from June, the operator announced on Tuesday.",
        "Tickets cost 12 euros.", "Bicycles travel free.");
  }

  @Test
  void should_reduce_markdown_to_plain_paragraphs_when_the_body_uses_its_syntax() throws IOException {
    RawArticle a = only(parse("syntax.md", """
        # Bridge closes for repairs

        The *Ashwell* footbridge closes on **Monday**, the city's `works` office said
        in a [statement](https://example.org/works "Works office").

        ## What changes for walkers

        ![A map of the detour](detour.png)

        > "We expect to reopen in six weeks," said the engineer, Tomas Brandt.

        1. The detour follows Kings Road.
        2. A shuttle bus runs every 20 minutes.
           - It stops at the library.

        ```
        route = detour(kings_road)
        ```

        Costs are put at 1.2 million euros \\*excluding VAT\\*, with work led by the snake_case_team.

        ---

        Residents can ask questions at the town hall.
        """));
    assertThat(a.title()).isEqualTo("Bridge closes for repairs");
    assertThat(a.paragraphs()).containsExactly(
        "The Ashwell footbridge closes on Monday, the city's works office said in a statement.",
        "\"We expect to reopen in six weeks,\" said the engineer, Tomas Brandt.",
        "The detour follows Kings Road.",
        "A shuttle bus runs every 20 minutes.",
        "It stops at the library.",
        "Costs are put at 1.2 million euros *excluding VAT*, with work led by the snake_case_team.",
        "Residents can ask questions at the town hall.");
  }

  @Test
  void should_keep_raw_html_out_of_the_paragraphs_when_a_markdown_body_embeds_it() throws IOException {
    RawArticle a = only(parse("embeds.md", """
        ---
        title: Ferry returns
        ---

        The night ferry returns in June.

        <script>
        var tracking = "Read this script text";

        trackPage();
        </script>

        <style>
        .ad { display: none; }
        </style>

        <div class="newsletter">
        Sign up for the morning briefing.
        </div>

        <!-- editor: check the fare -->

        Tickets <script>alert("inline script text")</script>cost 12 euros, the <em>operator</em> said.
        """));
    assertThat(a.paragraphs()).containsExactly(
        "The night ferry returns in June.",
        "Tickets cost 12 euros, the operator said.");
  }

  @Test
  void should_accept_a_full_timestamp_when_published_has_one() throws IOException {
    RawArticle a = only(parse("ts.md", """
        ---
        published: 2024-05-01T23:30:00+02:00
        ---
        # Late council session

        The council sat until midnight to pass the budget.
        """));
    assertThat(a.published()).contains(LocalDate.of(2024, 5, 1));
    assertThat(a.id()).isEqualTo("ts.md");
    assertThat(a.title()).isEqualTo("Late council session");
  }

  @Test
  void should_reject_with_reason_when_front_matter_is_bad() throws IOException {
    assertThat(parse("open.md", "---\ntitle: Unclosed\n\nText of the story goes here.\n").rejections())
        .containsExactly("bad front matter: no closing '---' line");
    assertThat(parse("yaml.md", "---\ntitle: [unclosed\n---\nThe story text is here.\n").rejections())
        .singleElement().asString().startsWith("bad front matter: ");
    assertThat(parse("list.md", "---\n- one\n- two\n---\nThe story text is here.\n").rejections())
        .containsExactly("bad front matter: expected 'key: value' lines, got array");
    assertThat(parse("date.md", "---\npublished: 1st of May\n---\nThe story text is here.\n").rejections())
        .containsExactly("bad front matter: bad published date \"1st of May\": expected an ISO date like 2024-05-01");
    assertThat(parse("url.md", "---\nurl: example.org/story\n---\nThe story text is here.\n").rejections())
        .containsExactly("bad front matter: bad url \"example.org/story\": must be an absolute http(s) link");
  }

  @Test
  void should_read_headline_body_and_metadata_when_an_html_page_has_them() throws IOException {
    RawArticle a = only(parse("page.html", """
        <html><head>
          <title>Market hall sold | Harbour Post</title>
          <meta property="og:site_name" content="Harbour Post">
          <meta property="article:published_time" content="2023-09-12T08:00:00Z">
          <link rel="canonical" href="https://example.com/market-hall">
          <script>var tracking = "Read this script text";</script>
        </head><body>
          <header><nav><a href="/">Home</a> <a href="/news">All the news from the harbour today</a></nav></header>
          <article>
            <h1>Market hall sold to a housing cooperative</h1>
            <figure><figcaption>The market hall seen from the quay at dawn.</figcaption></figure>
            <p>The city sold the old market hall to a housing cooperative for 3.4 million euros.</p>
            <div class="newsletter"><p>Get our morning briefing delivered to you every single day.</p></div>
            <blockquote><p>"It will be homes again within three years," the cooperative's chair said.</p></blockquote>
          </article>
          <aside><p>Most read stories of the week from all over the harbour.</p></aside>
          <footer><p>Copyright Harbour Post, all rights reserved worldwide.</p></footer>
        </body></html>
        """));
    assertThat(a.title()).isEqualTo("Market hall sold to a housing cooperative");
    assertThat(a.url()).contains(URI.create("https://example.com/market-hall"));
    assertThat(a.published()).contains(LocalDate.of(2023, 9, 12));
    assertThat(a.source()).contains("Harbour Post");
    assertThat(a.paragraphs()).containsExactly(
        "The city sold the old market hall to a housing cooperative for 3.4 million euros.",
        "\"It will be homes again within three years,\" the cooperative's chair said.");
  }

  @Test
  void should_fall_back_to_the_title_tag_and_skip_a_bad_date_when_an_html_page_lacks_better() throws IOException {
    RawArticle a = only(parse("plain.htm", """
        <html><head><title>Harbour dredging starts | Harbour Post</title></head><body>
        <time datetime="sometime soon">soon</time>
        <p>Dredging of the inner harbour starts next week and will take a month.</p>
        </body></html>
        """));
    assertThat(a.title()).isEqualTo("Harbour dredging starts");
    assertThat(a.published()).isEmpty();
    assertThat(a.paragraphs()).containsExactly("Dredging of the inner harbour starts next week and will take a month.");
  }

  @Test
  void should_keep_good_lines_and_reject_bad_ones_when_a_jsonl_file_mixes_them() throws IOException {
    ParseOutcome outcome = parse("feed.jsonl", """
        {"id": "a1", "title": "Pier repaired", "url": "https://example.org/pier", "published": "2022-07-03", "source": "Coast News", "text": "The pier was repaired over the winter.\\n\\nIt reopens on Saturday."}
        {"id": "a2", "text": "broken
        [1, 2]
        {"id": "a3", "title": "No text here"}
        {"id": "a4", "published": "yesterday", "text": "Something happened yesterday in town."}

        {"title": "Lighthouse painted", "text": "The lighthouse was painted red and white again."}
        {"id": "a1", "text": "A second story that reuses the first id."}
        {"id": {"nested": true}, "text": "An id that is not a string."}
        """);
    assertThat(outcome.articles()).extracting(RawArticle::id).containsExactly("a1", "feed.jsonl#7");
    RawArticle first = outcome.articles().get(0);
    assertThat(first.title()).isEqualTo("Pier repaired");
    assertThat(first.url()).contains(URI.create("https://example.org/pier"));
    assertThat(first.published()).contains(LocalDate.of(2022, 7, 3));
    assertThat(first.source()).contains("Coast News");
    assertThat(first.paragraphs()).containsExactly("The pier was repaired over the winter.", "It reopens on Saturday.");
    assertThat(outcome.articles().get(1).title()).isEqualTo("Lighthouse painted");
    assertThat(outcome.rejections()).hasSize(6);
    assertThat(outcome.rejections().get(0)).startsWith("bad JSONL line 2: not valid JSON (");
    assertThat(outcome.rejections().subList(1, 6)).containsExactly(
        "bad JSONL line 3: expected a JSON object, got array",
        "bad JSONL line 4: missing \"text\"",
        "bad JSONL line 5: bad published date \"yesterday\": expected an ISO date like 2024-05-01",
        "bad JSONL line 8: duplicate id \"a1\" (first on line 1)",
        "bad JSONL line 9: \"id\" must be a string, got object");
  }

  @Test
  void should_reject_as_not_utf8_when_bytes_are_latin1() throws IOException {
    Path file = root.resolve("latin1.txt");
    Files.write(file, "Caf\u00E9 opens on the quay today.".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(parser.parse(root, file).rejections())
        .containsExactly("not UTF-8: invalid byte 0xE9 at offset 3 (save the file as UTF-8)");
  }

  @Test
  void should_reject_as_too_large_when_a_file_exceeds_the_limit() throws IOException {
    ArticleParser small = new ArticleParser(new IngestConfig(60, 200, List.of(), 1_000));
    Path file = root.resolve("big.txt");
    Files.writeString(file, "Big story\n\n" + "Words of the story. ".repeat(100));
    assertThat(small.parse(root, file).rejections())
        .containsExactly("too large: 2011 bytes, over newsdesk.ingest.max-file-bytes (1000)");
    assertThat(small.read(root, file))
        .isEqualTo(new ArticleFile.Unreadable("big.txt", "too large: 2011 bytes, over newsdesk.ingest.max-file-bytes (1000)"));
  }

  @Test
  void should_reject_when_a_file_is_empty_or_has_nothing_left_after_cleaning() throws IOException {
    assertThat(parse("empty.txt", "  \n\n ").rejections()).containsExactly("empty file");
    assertThat(parse("chrome.txt", "Read more\n\nSubscribe\n\nRemind me later.\n").rejections())
        .containsExactly("empty after cleaning");
  }

  @Test
  void should_reject_as_unreadable_when_the_file_is_missing() {
    assertThat(parser.parse(root, root.resolve("gone.md")).rejections())
        .containsExactly("unreadable: no such file");
  }

  @Test
  void should_drop_paragraphs_matching_a_configured_pattern() throws IOException {
    ArticleParser withPattern = new ArticleParser(new IngestConfig(60, 200,
        List.of(Pattern.compile("This story was produced with support from .*", Pattern.CASE_INSENSITIVE)),
        1_000_000));
    Path file = root.resolve("pattern.txt");
    Files.writeString(file, """
        Ferry timetable changes

        The winter timetable starts on Sunday.

        This story was produced with support from the Harbour Fund.
        """);
    ParseOutcome outcome = withPattern.parse(root, file);
    assertThat(outcome.articles().get(0).paragraphs()).containsExactly("The winter timetable starts on Sunday.");
  }

  @Test
  void should_recognise_article_files_by_extension() {
    assertThat(ArticleParser.isArticleFile(Path.of("a/b.TXT"))).isTrue();
    assertThat(ArticleParser.isArticleFile(Path.of("b.md"))).isTrue();
    assertThat(ArticleParser.isArticleFile(Path.of("b.htm"))).isTrue();
    assertThat(ArticleParser.isArticleFile(Path.of("b.jsonl"))).isTrue();
    assertThat(ArticleParser.isArticleFile(Path.of("b.pdf"))).isFalse();
    assertThat(ArticleParser.isArticleFile(Path.of(".hidden.md"))).isFalse();
    assertThat(Optional.of(ArticleParser.isArticleFile(Path.of("notes.json")))).contains(false);
  }
}

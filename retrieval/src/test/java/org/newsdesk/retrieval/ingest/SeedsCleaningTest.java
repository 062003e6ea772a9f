package org.newsdesk.retrieval.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsdesk.config.IngestConfig;
import org.newsdesk.retrieval.Passage;

/**
 * Cleaning measured on the shared seed articles. Sentences are identified by short fragments;
 * the seed text itself stays outside the repository.
 */
class SeedsCleaningTest {
  private static CorpusLoader.LoadedCorpus corpus;

  @BeforeAll
  static void loadSeeds() {
    Path seeds = Path.of(System.getProperty("newsdesk.shared", "../shared")).resolve("seeds");
    assertThat(Files.isDirectory(seeds)).as("seed folder %s (system property newsdesk.shared)", seeds).isTrue();
    corpus = CorpusLoader.load(seeds, IngestConfig.defaults());
  }

  /** One short fragment of every sentence of reporting in the five seeds. */
  private static final List<String> REPORTING = List.of(
      // 000
      "congratulate his U.S. counterpart Joe Biden", "unfriendly political discourse towards Russia",
      "sending such a congratulatory message is hardly", "The already tense relationship between",
      "Deputy Foreign Minister Sergei Ryabkov said", "Ryabkov said that the only way to",
      "sent a message of congratulations to an American",
      // 001
      "will not congratulate American President Joe Biden", "there will be no congratulatory letter this year",
      "culmination of an unfriendly policy towards", "Therefore, in these conditions",
      "Peskov also touched upon the topic", "in accordance with existing plans and adjustments",
      "As for the issues of further tactical steps", "the operation is going according to plan",
      "restrictions on goods transit to Kaliningrad", "the Belarusian dictator, Alexander Lukashenko",
      "I wish all Americans simple things", "to forget the disagreements that divide families",
      "he determined the role of Belarus",
      // 002
      "a congratulatory message to U.S. President Barack Obama", "at their lowest ebb in years",
      "Both are veto-wielding members of the UN Security Council",
      "ties between the two countries will develop successfully",
      "carrying exceptional responsibility for safeguarding", "has curbed its cooperation with Russia",
      "Washington has also threatened to impose more sanctions", "Moscow denies orchestrating the uprising",
      // 003
      "called the US ambassador to formally protest", "A Russian Foreign Ministry statement Monday",
      "The Russian government met with US Ambassador", "a bloody dictator, a real thug",
      "He previously called Putin a", "The challenge is a sign that relations",
      "Tensions between Washington and Moscow are rising", "Biden is heading to Brussels later this week",
      "He will also make a stopover in Poland", "larger diplomatic effort Biden is undertaking",
      "Biden spoke with Western allies", "The five men will also arrive in Brussels",
      "He will also attend a scheduled European Council summit", "Poland will propose a plan for organizing",
      "3.2 million people have fled", "dismissed the idea of keeping the peace", "t go there either.",
      "has no plans to visit Ukraine during his visit", "The trip will focus on continuing to rally",
      "have made no progress on a ceasefire", "American officials questioned Russia",
      "Negotiations appear to be one-sided", "Zelensky has offered to meet with Putin",
      "you must first prepare, you need to negotiate", "so far there has been no significant movement",
      "held several rounds of talks both in person",
      // 004
      "Moscow said on Monday that President Joe Biden", "Meanwhile, the United States is expected to announce",
      "But Russia is casting its invitation", "We note with regret that the American side",
      "Another opportunity has been missed", "Responsibility for this lies entirely",
      "Biden told ABC News last week", "could range from freezing the U.S. assets", "The punishment comes as Biden",
      "President Biden has not held back", "with no soul, a set of remarks",
      "The latest round of sanctions would be in response", "proxies for Putin himself pushed",
      "Russia denies the meddling charge.", "massive SolarWinds hack",
      "announced its first sanctions against Russia in early March", "Among those hit with sanctions was the director",
      "Biden said on Friday he will speak to Putin", "told reporters at the White House before he left",
      "But the White House has doubled down", "gave a direct answer to a direct question",
      "In return, the Russian president upped the stakes", "it makes sense to have a talk to maintain",
      "And in a provocative move, Putin appeared on stage", "Putin has been snapping back at Biden",
      "it takes one to know one", "We always see in another person our own qualities",
      "past atrocities, including the slaughter", "where would the Black Lives Matter movement come from",
      "He then offered his own message to the American president.", "I would say to him: I wish you good health",
      "I say that without irony and not as a joke", "Psaki declined to comment on Putin",
      "long enough not to try to get in the mind", "Russia is demanding an apology from the United States",
      "The provocative comments prompted the Kremlin", "very bad statement by the U.S. president",
      "He clearly does not want to improve relations", "anything like this in history");

  /** Photo captions: not reporting, but kept (once) since nothing marks them as chrome in plain text. */
  private static final List<String> CAPTIONS = List.of(
      "summoned to the Kremlin for a special meeting", "fire at a warehouse after shelling in Severodonetsk",
      "inside the Retroville shopping center", "Moscow called Joe Biden",
      "President Joe Biden said he will speak to Vladimir Putin", "seen above speaking during the concert");

  /** Donation appeals, banners and web chrome: never in a passage. */
  private static final List<String> BOILERPLATE = List.of(
      "A Message from The Moscow Times", "Dear readers", "We are facing unprecedented challenges",
      "designated The Moscow Times as", "This follows our earlier unjust labeling", "These actions are direct attempts",
      "The authorities claim our work", "we strive to provide accurate, unbiased reporting", "refuse to be silenced",
      "But to continue our work, we need your help", "no matter how small", "please support us monthly",
      "every contribution makes a significant impact", "By supporting The Moscow Times", "Thank you for standing with us",
      "Enjoying ad-free content", "we have disabled all ads", "This commitment costs us",
      "Your support can help us fill the gap", "Support us", "Our journalism is banned in Russia",
      "keep providing you with the truth", "Remind me later", "Not ready to support today", "paiment methods",
      "Read more", "See also", "No comments", "Biden, Putin, War in Ukraine", "Obama Urges Putin", "\u00D7");

  /** Stray one-word lines, checked as whole paragraphs (the words occur inside real sentences). */
  private static final List<String> STRAY_LINES = List.of("Once", "Monthly", "Annual", "Continue");

  @Test
  void should_load_all_five_seeds_when_cleaning_the_seed_folder() {
    assertThat(corpus.rejections()).isEmpty();
    assertThat(corpus.articles()).extracting(Article::id).containsExactly("000_acf8d4a8a8f835f1.txt",
        "001_b75ce7564bb9d108.txt", "002_a1dbe0679a729252.txt", "003_16b8fff714ca5ad1.txt",
        "004_9cf91b2ba5ef5cc2.txt");
  }

  @Test
  void should_put_every_reporting_sentence_in_some_passage_when_cleaning_the_seeds() {
    List<String> missing = new ArrayList<>();
    for (String fragment : concat(REPORTING, CAPTIONS)) {
      if (corpus.passages().stream().noneMatch(p -> p.text().contains(fragment))) missing.add(fragment);
    }
    assertThat(missing).as("reporting fragments found in no passage").isEmpty();
  }

  @Test
  void should_keep_the_standfirst_sentence_when_it_is_a_prefix_of_the_lead() {
    assertThat(sentencesOf("002_a1dbe0679a729252.txt"))
        .contains("Vladimir Putin called for better relations with the U.S.");
  }

  @Test
  void should_leave_no_boilerplate_in_any_passage_when_cleaning_the_seeds() {
    List<String> found = new ArrayList<>();
    for (String fragment : BOILERPLATE) {
      if (corpus.passages().stream().anyMatch(p -> p.text().contains(fragment))) found.add(fragment);
    }
    for (Article a : corpus.articles()) {
      for (String paragraph : a.text().split("\n\n")) {
        if (STRAY_LINES.contains(paragraph.strip())) found.add(a.id() + ": " + paragraph);
      }
    }
    assertThat(found).as("boilerplate fragments found in passages").isEmpty();
  }

  @Test
  void should_keep_doubled_captions_and_paragraphs_once_when_an_article_repeats_them() {
    String text = article("003_16b8fff714ca5ad1.txt").text();
    for (String fragment : List.of("summoned to the Kremlin for a special meeting",
        "Tensions between Washington and Moscow are rising", "Firefighters fight a large-scale fire",
        "Firefighters inside the Retroville", "Moscow warned that relations with the United States were")) {
      assertThat(occurrences(text, fragment)).as(fragment).isEqualTo(1);
    }
  }

  @Test
  void should_derive_a_headline_when_the_first_line_is_a_sentence() {
    Article a = article("000_acf8d4a8a8f835f1.txt");
    assertThat(a.title()).startsWith("Russian President Vladimir Putin won").endsWith("Independence Day holiday");
    assertThat(a.text()).startsWith("Russian President Vladimir Putin won");
  }

  @Test
  void should_take_the_first_line_as_headline_when_it_looks_like_one() {
    assertThat(article("001_b75ce7564bb9d108.txt").title())
        .startsWith("Kremlin: Putin will not congratulate").endsWith("on U.S. Independence Day");
    assertThat(article("002_a1dbe0679a729252.txt").title())
        .startsWith("Putin Adopts Conciliatory Tone").endsWith("With Obama on U.S. Independence Day");
    assertThat(article("003_16b8fff714ca5ad1.txt").title())
        .startsWith("Russia warns US that diplomatic ties").endsWith("are on the verge of severing");
    assertThat(article("004_9cf91b2ba5ef5cc2.txt").title())
        .startsWith("Putin slams Biden").contains("'missed opportunity': U.S. prepares").endsWith("election meddling");
  }

  @Test
  void should_not_repeat_the_headline_in_the_text_when_the_article_has_one() {
    assertThat(article("003_16b8fff714ca5ad1.txt").text()).doesNotContain("ties are on the verge");
    assertThat(article("002_a1dbe0679a729252.txt").text()).doesNotContain("Conciliatory Tone");
  }

  @Test
  void should_cut_passages_within_word_bounds_when_splitting_the_seeds() {
    for (Passage p : corpus.passages()) {
      Article a = article(p.articleId());
      assertThat(a.text().substring(p.start(), p.end())).isEqualTo(p.text());
      assertThat(Text.wordCount(p.text())).as(p.key()).isBetween(1, IngestConfig.defaults().passageMaxWords());
    }
  }

  private static List<String> sentencesOf(String id) {
    String text = article(id).text();
    return Sentences.split(text).stream().map(s -> s.of(text)).toList();
  }

  private static Article article(String id) {
    return corpus.articles().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
  }

  private static int occurrences(String text, String fragment) {
    int n = 0;
    for (int i = text.indexOf(fragment); i >= 0; i = text.indexOf(fragment, i + 1)) n++;
    return n;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  static List<String> words(String s) {
    return Arrays.asList(s.split("\\s+"));
  }
}

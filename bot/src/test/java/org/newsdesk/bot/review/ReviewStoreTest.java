package org.newsdesk.bot.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.newsdesk.bot.log.LogDatabase;
import org.newsdesk.bot.log.TestDatabases;

/** The review queue, detail, actions, export and insights, on SQLite and on PostgreSQL. */
class ReviewStoreTest {
  @TempDir Path dir;
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-12T12:00:00Z"), ZoneOffset.UTC);

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void should_page_newest_first_without_gaps_or_repeats_when_following_cursors(TestDatabases kind) {
    LogDatabase db = kind.create(dir);
    LogSeed seed = new LogSeed(db);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 7; i++) ids.add(seed.insert(LogSeed.entry().question("q" + i).at("2025-03-10T09:0" + i + ":00Z")));
    ids.add(seed.insert(LogSeed.entry().question("same time").at("2025-03-10T09:06:00Z")));
    Moderation queue = new Moderation(db, CLOCK::millis);

    List<Long> seen = new ArrayList<>();
    Optional<QueuePage.Cursor> after = Optional.empty();
    int pages = 0;
    do {
      QueuePage page = queue.queue(QueueFilter.all(), after, 3);
      page.rows().forEach(r -> seen.add(r.id()));
      after = page.next();
      pages++;
    } while (after.isPresent());

    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactly(ids.get(7), ids.get(6), ids.get(5), ids.get(4), ids.get(3), ids.get(2),
        ids.get(1), ids.get(0));
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void should_list_only_matching_answers_when_filtering(TestDatabases kind) {
    LogDatabase db = kind.create(dir);
    LogSeed seed = new LogSeed(db);
    long plain = seed.insert(LogSeed.entry().question("What did the mayor say about trams?"));
    long disliked = seed.insert(LogSeed.entry().question("Who won the 100% pledge vote?").at("2025-03-11T08:00:00Z"));
    seed.vote(disliked, 9, -1);
    seed.vote(plain, 9, 1);
    long unsupported = seed.insert(LogSeed.entry().unsupported(2).chat("group", -100));
    long missing = seed.insert(LogSeed.entry().question("Is the harbour closing?").notFound().at("2025-03-09T23:59:00Z"));
    new Moderation(db, CLOCK::millis).act(plain, Moderation.Action.FLAG, "review:ana", null);
    new Moderation(db, CLOCK::millis).act(missing, Moderation.Action.HIDE, "review:ana", null);
    Moderation queue = new Moderation(db, CLOCK::millis);

    assertThat(ids(queue, f("down=1"))).containsExactly(disliked);
    assertThat(ids(queue, f("unsupported=1"))).containsExactly(unsupported);
    assertThat(ids(queue, f("notfound=1"))).containsExactly(missing);
    assertThat(ids(queue, f("flagged=1"))).containsExactly(plain);
    assertThat(ids(queue, f("hidden=1"))).containsExactly(missing);
    assertThat(ids(queue, f("chat=group"))).containsExactly(unsupported);
    assertThat(ids(queue, f("from=2025-03-10&to=2025-03-10"))).containsExactlyInAnyOrder(plain, unsupported);
    assertThat(ids(queue, f("to=2025-03-09"))).containsExactly(missing);
    assertThat(ids(queue, f("q=MAYOR"))).containsExactly(plain);
    assertThat(ids(queue, f("q=100%"))).containsExactly(disliked);
    assertThat(ids(queue, f("q=0%p"))).isEmpty();
    assertThat(ids(queue, f("q=couldn't find"))).containsExactly(missing);
    assertThat(ids(queue, f("notfound=1&chat=group"))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void should_queue_one_edit_per_reply_message_when_hiding_an_answer(TestDatabases kind) throws Exception {
    LogDatabase db = kind.create(dir);
    long id = new LogSeed(db).insert(LogSeed.entry().replies(77, 78).chat("private", 501));
    Moderation moderation = new Moderation(db, CLOCK::millis);

    Optional<Moderation.Outcome> first = moderation.act(id, Moderation.Action.HIDE, "review:ana", null);
    Optional<Moderation.Outcome> again = moderation.act(id, Moderation.Action.HIDE, "review:bo", null);

    assertThat(first).contains(new Moderation.Outcome(true, 2));
    assertThat(again).contains(new Moderation.Outcome(false, 0));
    try (Connection c = db.open(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT chat_id, message_id, new_text, requested_at, done_at FROM pending_edits ORDER BY message_id")) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getString(3) + "/" + rs.getLong(4) + "/" + rs.getObject(5));
      }
      long now = CLOCK.millis();
      assertThat(rows).containsExactly("501/77/This answer was removed by a moderator./" + now + "/null",
          "501/78/This answer was removed by a moderator./" + now + "/null");
    }
    AnswerDetail detail = new Moderation(db, CLOCK::millis).answer(id).orElseThrow();
    assertThat(detail.summary().hidden()).isTrue();
    assertThat(detail.actions()).extracting(AnswerDetail.Action::moderator, AnswerDetail.Action::action)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("review:ana", "hide"),
            org.assertj.core.groups.Tuple.tuple("review:bo", "hide"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void should_record_flags_and_notes_with_moderator_and_time_when_acting(TestDatabases kind) {
    LogDatabase db = kind.create(dir);
    long id = new LogSeed(db).insert(LogSeed.entry());
    Moderation moderation = new Moderation(db, CLOCK::millis);

    moderation.act(id, Moderation.Action.FLAG, "review:ana", null);
    moderation.act(id, Moderation.Action.NOTE, "review:ana", "  Source is from 2019, check the date.  ");
    moderation.act(id, Moderation.Action.APPROVE, "review:bo", null);

    AnswerDetail d = new Moderation(db, CLOCK::millis).answer(id).orElseThrow();
    assertThat(d.summary().approved()).isTrue();
    assertThat(d.summary().flagged()).isFalse();
    assertThat(d.actions()).extracting(a -> a.action() + " " + a.moderator() + " " + a.note() + " " + a.at())
        .containsExactly("flag review:ana  2025-03-12T12:00:00Z",
            "note review:ana Source is from 2019, check the date. 2025-03-12T12:00:00Z",
            "approve review:bo  2025-03-12T12:00:00Z");
    assertThatThrownBy(() -> moderation.act(id, Moderation.Action.NOTE, "review:ana", " "))
        .hasMessage("A note needs some text.");
    assertThat(moderation.act(999_999, Moderation.Action.FLAG, "review:ana", null)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void should_show_citation_with_quote_found_in_passage_when_loading_detail(TestDatabases kind) {
    LogDatabase db = kind.create(dir);
    long id = new LogSeed(db).insert(LogSeed.entry().answer("Opens <b>May</b> [1] <script>alert(1)</script>"));

    AnswerDetail d = new Moderation(db, CLOCK::millis).answer(id).orElseThrow();

    assertThat(d.answerHtml()).isEqualTo("Opens <b>May</b> [1] ");
    AnswerDetail.Citation c = d.citations().get(0);
    assertThat(c.passage()).isEqualTo(new QuoteHighlight("Council members met on Tuesday. ",
        "The tram line opens in May.", " Tickets cost two euros.", true));
    assertThat(d.sentences()).extracting(AnswerDetail.Sentence::sentence).containsExactly("The line opens in May.");
    assertThat(d.retrieved()).extracting(AnswerDetail.Retrieved::score).containsExactly(7.25, 3.5);
    assertThat(d.latency()).isEqualTo("42 ms");
    assertThat(new Moderation(db, CLOCK::millis).answer(id + 100)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void should_escape_csv_and_write_one_json_object_per_line_when_exporting(TestDatabases kind) throws Exception {
    LogDatabase db = kind.create(dir);
    LogSeed seed = new LogSeed(db);
    long id = seed.insert(LogSeed.entry().question("Did he say \"no\", twice?\nReally").answer("=cmd|' /C calc'!A0"));
    seed.vote(id, 1, -1);
    Export export = new Export(db);

    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    long n = export.write(QueueFilter.all(), Export.Format.CSV, csv);
    ByteArrayOutputStream jsonl = new ByteArrayOutputStream();
    export.write(QueueFilter.all(), Export.Format.JSONL, jsonl);

    assertThat(n).isEqualTo(1);
    assertThat(csv.toString(StandardCharsets.UTF_8)).isEqualTo(
        "id,asked_at,chat_type,chat_id,user_id,question,outcome,answer_text,mode,unsupported,latency_ms,thumbs_up,"
            + "thumbs_down,flagged,hidden,approved\r\n"
            + id + ",2025-03-10T09:00:00Z,private,501,501,\"Did he say \"\"no\"\", twice?\nReally\",answered,"
            + "'=cmd|' /C calc'!A0,extractive,0,42,0,1,false,false,false\r\n");
    assertThat(jsonl.toString(StandardCharsets.UTF_8)).isEqualTo("{\"id\":" + id
        + ",\"asked_at\":\"2025-03-10T09:00:00Z\",\"chat_type\":\"private\",\"chat_id\":501,\"user_id\":501,"
        + "\"question\":\"Did he say \\\"no\\\", twice?\\nReally\",\"outcome\":\"answered\","
        + "\"answer_text\":\"=cmd|' /C calc'!A0\",\"mode\":\"extractive\",\"unsupported\":0,\"latency_ms\":42,"
        + "\"thumbs_up\":0,\"thumbs_down\":1,\"flagged\":false,\"hidden\":false,\"approved\":false}\n");
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void should_export_ordinary_rows_unquoted_except_where_a_comma_or_line_break_needs_it(TestDatabases kind) {
    LogDatabase db = kind.create(dir);
    LogSeed seed = new LogSeed(db);
    long answered = seed.insert(LogSeed.entry().answer("The line opens in May [1]."));
    long missing = seed.insert(LogSeed.entry().question("Who owns the stadium, and since when?").notFound()
        .chat("group", -100).at("2025-03-11T08:30:00Z"));
    seed.vote(missing, 3, -1);
    seed.vote(answered, 4, 1);

    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    long n = new Export(db).write(QueueFilter.all(), Export.Format.CSV, csv);

    assertThat(n).isEqualTo(2);
    assertThat(csv.toString(StandardCharsets.UTF_8)).isEqualTo(String.join(",", Export.COLUMNS) + "\r\n"
        + missing + ",2025-03-11T08:30:00Z,group,-100,501,\"Who owns the stadium, and since when?\",not found,"
        + "I couldn't find that in the articles.,extractive,0,42,0,1,false,false,false\r\n"
        + answered + ",2025-03-10T09:00:00Z,private,501,501,When does the new tram line open?,answered,"
        + "The line opens in May [1].,extractive,0,42,1,0,false,false,false\r\n");
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void should_neutralise_every_cell_a_spreadsheet_would_run_as_a_formula_when_exporting_csv(TestDatabases kind) {
    LogDatabase db = kind.create(dir);
    LogSeed seed = new LogSeed(db);
    List<String> answers = List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tcmd", "\rcmd", "a-b =c");
    for (int i = 0; i < answers.size(); i++) {
      seed.insert(LogSeed.entry().answer(answers.get(i)).at("2025-03-10T09:0" + i + ":00Z"));
    }

    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    new Export(db).write(QueueFilter.all(), Export.Format.CSV, csv);

    List<String> cells = new ArrayList<>();
    for (String line : csv.toString(StandardCharsets.UTF_8).split("\r\n(?=\\d)")) {
      Matcher m = Pattern.compile(",answered,(.*),extractive,", Pattern.DOTALL).matcher(line);
      if (m.find()) cells.add(m.group(1));
    }
    assertThat(cells).containsExactly("a-b =c", "\"'\rcmd\"", "'\tcmd", "'@SUM(A1)", "'-1", "'+1", "'=1+1");
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void should_count_per_day_and_group_unanswered_questions_by_their_words_when_dense_retrieval_is_off(
      TestDatabases kind) {
    LogDatabase db = kind.create(dir);
    LogSeed seed = new LogSeed(db);
    seed.vote(seed.insert(LogSeed.entry().at("2025-03-10T10:00:00Z")), 1, 1);
    seed.insert(LogSeed.entry().question("Who owns the stadium?").notFound().at("2025-03-10T11:00:00Z"));
    seed.insert(LogSeed.entry().question("who owns the STADIUM").notFound().at("2025-03-11T11:00:00Z"));
    seed.vote(seed.insert(LogSeed.entry().question("Is there a strike?").notFound().at("2025-03-11T12:00:00Z")), 2, -1);
    seed.insert(LogSeed.entry().notFound().at("2025-02-01T12:00:00Z")); // outside the range

    InsightsReport r = new Moderation(db, CLOCK::millis, QuestionGrouping.byWords())
        .insights(LocalDate.parse("2025-03-09"), LocalDate.parse("2025-03-11"), 10);

    assertThat(r.days()).extracting(d -> d.date() + " " + d.questions() + "/" + d.answered() + "/" + d.notFound()
        + " +" + d.thumbsUp() + " -" + d.thumbsDown())
        .containsExactly("2025-03-09 0/0/0 +0 -0", "2025-03-10 2/1/1 +1 -0", "2025-03-11 2/0/2 +0 -1");
    assertThat(r.questions()).isEqualTo(4);
    assertThat(r.unanswered()).containsExactly(
        new InsightsReport.Unanswered("who owns the STADIUM", 2, List.of()),
        new InsightsReport.Unanswered("Is there a strike?", 1, List.of()));
    assertThat(r.grouping()).isEqualTo(new InsightsReport.Grouping("", 3, false, 0));
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void should_group_unanswered_questions_by_the_stored_vectors_of_the_model_and_the_rest_by_their_words(
      TestDatabases kind) {
    LogDatabase db = kind.create(dir);
    LogSeed seed = new LogSeed(db);
    seed.insert(LogSeed.entry().question("when does the tram open").notFound().vector("m", 1, 0, 0)
        .at("2025-03-10T08:00:00Z"));
    seed.insert(LogSeed.entry().question("tram opening date?").notFound().vector("m", 0.9f, 0.1f, 0)
        .at("2025-03-10T09:00:00Z"));
    seed.insert(LogSeed.entry().question("When will trams start running?").notFound().vector("m", 2, 0.3f, 0)
        .at("2025-03-11T09:00:00Z"));
    seed.insert(LogSeed.entry().question("When does the tram open?").notFound().at("2025-03-11T10:00:00Z"));
    seed.insert(LogSeed.entry().question("how much did the library cost").notFound().vector("m", 0, 1, 0)
        .at("2025-03-11T11:00:00Z"));
    seed.insert(LogSeed.entry().question("Who owns the stadium?").notFound().vector("other-model", 1, 0, 0)
        .at("2025-03-11T12:00:00Z"));
    seed.insert(LogSeed.entry().question("Who owns the stadium?").notFound().at("2025-03-11T13:00:00Z"));
    seed.insert(LogSeed.entry().question("tram opening date").at("2025-03-11T14:00:00Z")); // answered

    InsightsReport r = new Moderation(db, CLOCK::millis, QuestionGrouping.byMeaning("m"))
        .insights(LocalDate.parse("2025-03-10"), LocalDate.parse("2025-03-11"), 10);

    // The newest wording of a question stands for it; its vector may come from an older asking.
    assertThat(r.unanswered()).containsExactly(
        new InsightsReport.Unanswered("When does the tram open?", 4,
            List.of("tram opening date?", "When will trams start running?")),
        new InsightsReport.Unanswered("Who owns the stadium?", 2, List.of()),
        new InsightsReport.Unanswered("how much did the library cost", 1, List.of()));
    assertThat(r.grouping()).as("the stadium has no vector of m").isEqualTo(new InsightsReport.Grouping("m", 7, false, 2));
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void should_group_only_the_newest_questions_of_the_range_and_say_so_when_it_holds_more(TestDatabases kind) {
    LogDatabase db = kind.create(dir);
    LogSeed seed = new LogSeed(db);
    seed.insert(LogSeed.entry().question("Who owns the stadium?").notFound().at("2025-03-10T08:00:00Z"));
    seed.insert(LogSeed.entry().question("Is there a strike?").notFound().at("2025-03-10T09:00:00Z"));
    seed.insert(LogSeed.entry().question("Is there a strike?").notFound().at("2025-03-10T10:00:00Z"));

    InsightsReport r = new Moderation(db, CLOCK::millis, new QuestionGrouping(Optional.of("m"), 2))
        .insights(LocalDate.parse("2025-03-10"), LocalDate.parse("2025-03-10"), 10);

    assertThat(r.unanswered()).containsExactly(new InsightsReport.Unanswered("Is there a strike?", 2, List.of()));
    assertThat(r.notFound()).isEqualTo(3);
    assertThat(r.grouping()).isEqualTo(new InsightsReport.Grouping("m", 2, true, 2));
  }

  private static QueueFilter f(String query) {
    java.util.Map<String, String> params = new java.util.HashMap<>();
    for (String part : query.split("&")) {
      int eq = part.indexOf('=');
      params.put(part.substring(0, eq), part.substring(eq + 1));
    }
    return QueueFilter.fromParams(params::get);
  }

  private static List<Long> ids(Moderation queue, QueueFilter filter) {
    return queue.queue(filter, Optional.empty(), 50).rows().stream().map(QueueRow::id).toList();
  }
}

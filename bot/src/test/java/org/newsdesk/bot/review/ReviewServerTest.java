package org.newsdesk.bot.review;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.bot.Main;
import org.newsdesk.bot.log.AnswerLog;
import org.newsdesk.bot.log.LogDatabase;
import org.newsdesk.bot.log.LogWrites;
import org.newsdesk.bot.log.Question;
import org.newsdesk.bot.log.TestDatabases;
import org.newsdesk.config.AnswerMode;
import org.newsdesk.config.ReviewConfig;
import org.newsdesk.config.Secret;
import org.newsdesk.retrieval.answer.Answer;
import org.newsdesk.retrieval.embed.BgeSmallEmbeddingModel;
import org.slf4j.LoggerFactory;

/** The review page over plain HTTP: sign-in, sessions, CSRF, escaping, the needs-a-look view, errors. */
class ReviewServerTest {
  private static final String PASSWORD = "correct horse battery";
  @TempDir Path dir;
  private LogDatabase db;
  private LogSeed seed;
  private ReviewServer server;
  private TestClock clock;
  private Runnable detach = () -> {};
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeEach
  void start() {
    db = TestDatabases.SQLITE.create(dir);
    seed = new LogSeed(db);
    clock = new TestClock("2025-03-12T12:00:00Z");
    serve(QuestionGrouping.byMeaning(BgeSmallEmbeddingModel.NAME));
  }

  /** (Re)starts the page over the test's log, grouping unanswered questions as {@code grouping} says. */
  private void serve(QuestionGrouping grouping) {
    if (server != null) server.close();
    ReviewConfig config = new ReviewConfig("127.0.0.1", 0, Duration.ofMinutes(30), Optional.of(new Secret(PASSWORD)));
    server = new ReviewServer(db, config, new Secret(PASSWORD), clock, grouping).start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    server.close();
    detach.run();
  }

  @Test
  void should_redirect_pages_and_refuse_actions_when_not_signed_in() throws Exception {
    long id = seed.insert(LogSeed.entry());

    for (String path : new String[] {"/", "/answers/" + id, "/insights", "/export.csv", "/export.jsonl?down=1"}) {
      HttpResponse<String> r = get(path, null);
      assertThat(r.statusCode()).as(path).isEqualTo(302);
      assertThat(r.headers().firstValue("Location")).as(path).hasValue("/login");
      assertThat(r.body()).as(path).doesNotContain("tram");
    }
    HttpResponse<String> post = post("/answers/" + id + "/hide", "csrf=x", null);

    assertThat(post.statusCode()).isEqualTo(403);
    assertThat(post.body()).isEqualTo("Sign in first.");
    assertThat(count("SELECT COUNT(*) FROM moderation_actions")).isZero();
    assertThat(count("SELECT COUNT(*) FROM pending_edits")).isZero();
  }

  @Test
  void should_refuse_sign_in_when_password_is_wrong() throws Exception {
    HttpResponse<String> r = post("/login", "name=ana&password=" + enc("correct horse"), null);

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("<p class=\"error\" id=\"error\">Wrong password.</p>");
    assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  void should_hold_back_only_the_name_that_guessed_with_a_wait_that_doubles_when_passwords_are_wrong()
      throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(post("/login", "name=ana&password=" + enc("guess " + i), null).statusCode()).isEqualTo(401);
    }

    HttpResponse<String> throttled = post("/login", "name=ana&password=" + enc(PASSWORD), null);
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.body()).contains(
        "<p class=\"error\" id=\"error\">Too many wrong passwords. Try again in 30 seconds.</p>");
    assertThat(throttled.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(post("/login", "name=bo&password=" + enc(PASSWORD), null).statusCode())
        .as("another moderator behind the same address signs in").isEqualTo(303);

    clock.advance(Duration.ofSeconds(30));
    assertThat(post("/login", "name=ana&password=" + enc("guess 6"), null).statusCode()).isEqualTo(401);
    assertThat(post("/login", "name=ana&password=" + enc(PASSWORD), null).body())
        .contains("Too many wrong passwords. Try again in 1 minute.");
    clock.advance(Duration.ofMinutes(1));
    assertThat(post("/login", "name=ana&password=" + enc(PASSWORD), null).statusCode()).isEqualTo(303);
  }

  @Test
  void should_hold_back_the_address_when_it_guesses_under_many_names() throws Exception {
    for (int i = 0; i < 30; i++) {
      assertThat(post("/login", "name=guess" + i + "&password=" + enc("guess " + i), null).statusCode()).isEqualTo(401);
    }

    HttpResponse<String> throttled = post("/login", "name=carla&password=" + enc(PASSWORD), null);

    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.body()).contains("Too many wrong passwords. Try again in 30 seconds.");
  }

  @Test
  void should_set_a_strict_http_only_cookie_when_signing_in() throws Exception {
    HttpResponse<String> r = post("/login", "name=ana&password=" + enc(PASSWORD), null);

    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Set-Cookie").orElseThrow())
        .matches(ReviewServer.COOKIE + "=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict");
  }

  @Test
  void should_refuse_an_action_when_the_csrf_token_is_missing_or_wrong() throws Exception {
    long id = seed.insert(LogSeed.entry());
    String cookie = signIn();

    HttpResponse<String> missing = post("/answers/" + id + "/flag", "", cookie);
    HttpResponse<String> wrong = post("/answers/" + id + "/flag", "csrf=forged", cookie);
    HttpResponse<String> right = post("/answers/" + id + "/flag", "csrf=" + csrf(cookie), cookie);

    assertThat(missing.statusCode()).isEqualTo(403);
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(wrong.body()).isEqualTo("This form has expired. Reload the page and try again.");
    assertThat(right.statusCode()).isEqualTo(303);
    assertThat(count("SELECT COUNT(*) FROM moderation_actions")).isEqualTo(1);
  }

  @Test
  void should_end_the_session_when_idle_longer_than_the_timeout() throws Exception {
    String cookie = signIn();
    assertThat(get("/", cookie).statusCode()).isEqualTo(200);

    clock.advance(Duration.ofMinutes(29));
    assertThat(get("/", cookie).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(31));

    assertThat(get("/", cookie).headers().firstValue("Location")).hasValue("/login");
  }

  @Test
  void should_show_markup_in_a_question_as_text_when_rendering_queue_and_detail() throws Exception {
    long id = seed.insert(LogSeed.entry().question("<script>alert('x')</script> & <b>bold</b>?")
        .answer("Fine <i>x</i><img src=x onerror=alert(1)>"));
    String cookie = signIn();

    String queue = get("/", cookie).body();
    String detail = get("/answers/" + id, cookie).body();

    String escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;?";
    assertThat(queue).contains(escaped).doesNotContain("<script>");
    assertThat(detail).contains("<p class=\"q\" id=\"question\">" + escaped + "</p>")
        .contains("<div class=\"answer\" id=\"answer\">Fine <i>x</i></div>")
        .doesNotContain("<script>").doesNotContain("onerror");
  }

  @Test
  void should_chart_questions_per_day_and_list_unanswered_ones_when_showing_insights() throws Exception {
    seed.insert(LogSeed.entry().at("2025-03-12T08:00:00Z"));
    seed.insert(LogSeed.entry().question("Who owns the stadium?").notFound().at("2025-03-11T08:00:00Z"));
    seed.insert(LogSeed.entry().question("who OWNS the stadium").notFound().at("2025-03-12T09:00:00Z"));
    String cookie = signIn();

    String page = get("/insights", cookie).body();

    assertThat(page).contains("<b id=\"total\">3</b>questions")
        .contains("<tr><td class=\"q\">who OWNS the stadium</td><td class=\"q\"></td><td class=\"num\">2</td></tr>")
        .contains("<title>2025-03-12: 2 questions, 1 answered, 1 not found</title>")
        .contains("2025-02-11 – 2025-03-12")
        .contains("<p class=\"muted note\" id=\"by-words\">2 of these questions have no vector of bge-small-en-v1.5-q"
            + " (logged before the log kept vectors, or while dense retrieval was off) and are grouped by their"
            + " exact words.</p>")
        .doesNotContain("id=\"capped\"");
  }

  @Test
  void should_show_three_phrasings_of_one_need_as_one_row_when_the_bot_logged_their_meaning() throws Exception {
    AtomicLong update = new AtomicLong(100);
    try (AnswerLog log = new AnswerLog(db, "serve-1", clock::millis, Optional.of(Bge.model()))) {
      for (String question : List.of("When will trams start running?", "tram opening date?", "how much did the library cost",
          "When will trams start running?", "when does the tram open")) {
        long id = log.receive(List.of(new Question(update.incrementAndGet(), 7, 7, "private", 1, question,
            clock.millis() - 3_600_000))).get(0).getAsLong();
        LogWrites.deliver(log, id, new Answer(false, Answer.NOT_FOUND, AnswerMode.EXTRACTIVE, List.of(), List.of(),
            List.of(), Optional.empty(), question), Answer.NOT_FOUND, (int) id);
      }
    }
    String cookie = signIn();

    String page = get("/insights", cookie).body();

    assertThat(page).contains("<p class=\"muted note\" id=\"grouping\">Questions that ask for the same thing in other"
        + " words are one row.</p>").doesNotContain("id=\"by-words\"");
    assertThat(unansweredRows(page)).containsExactly(
        "<tr><td class=\"q\">When will trams start running?</td><td class=\"q\"><div>tram opening date?</div>"
            + "<div>when does the tram open</div></td><td class=\"num\">4</td></tr>",
        "<tr><td class=\"q\">how much did the library cost</td><td class=\"q\"></td><td class=\"num\">1</td></tr>");
  }

  @Test
  void should_say_in_one_line_that_questions_are_grouped_by_their_words_when_dense_retrieval_is_off()
      throws Exception {
    serve(QuestionGrouping.byWords());
    seed.insert(LogSeed.entry().question("When will trams start running?").notFound().vector(BgeSmallEmbeddingModel.NAME,
        1, 0).at("2025-03-12T08:00:00Z"));
    seed.insert(LogSeed.entry().question("tram opening date?").notFound().vector(BgeSmallEmbeddingModel.NAME, 1, 0)
        .at("2025-03-12T09:00:00Z"));
    String cookie = signIn();

    String page = get("/insights", cookie).body();

    assertThat(page).contains("<p class=\"muted note\" id=\"grouping\">Dense retrieval is off"
        + " (newsdesk.retrieval.dense=false), so questions are grouped by their exact words.</p>");
    assertThat(unansweredRows(page)).containsExactly(
        "<tr><td class=\"q\">When will trams start running?</td><td class=\"q\"></td><td class=\"num\">1</td></tr>",
        "<tr><td class=\"q\">tram opening date?</td><td class=\"q\"></td><td class=\"num\">1</td></tr>");
  }

  @Test
  void should_say_how_many_of_the_questions_not_found_were_grouped_when_the_range_holds_more_than_a_view_groups()
      throws Exception {
    serve(new QuestionGrouping(Optional.of(BgeSmallEmbeddingModel.NAME), 2));
    for (String at : List.of("2025-03-10T08:00:00Z", "2025-03-11T08:00:00Z", "2025-03-12T08:00:00Z")) {
      seed.insert(LogSeed.entry().question("Is there a strike?").notFound().vector(BgeSmallEmbeddingModel.NAME, 1, 0)
          .at(at));
    }
    String cookie = signIn();

    String page = get("/insights", cookie).body();

    assertThat(page).contains("<p class=\"muted note\" id=\"capped\">Only the 2 newest of the 3 questions not found are"
        + " grouped here; choose fewer days to see the rest.</p>");
    assertThat(unansweredRows(page)).containsExactly(
        "<tr><td class=\"q\">Is there a strike?</td><td class=\"q\"></td><td class=\"num\">2</td></tr>");
  }

  @Test
  void should_explain_a_malformed_date_and_a_missing_answer_when_asked_for_them() throws Exception {
    String cookie = signIn();

    HttpResponse<String> badDate = get("/?from=12.03.2025", cookie);
    HttpResponse<String> missing = get("/answers/4242", cookie);

    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(badDate.body()).contains("<p id=\"message\">The date &quot;12.03.2025&quot; is not in the form 2025-03-31.</p>");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("<p id=\"message\">There is no answer 4242.</p>");
  }

  @Test
  void should_list_what_needs_a_look_as_telegrams_review_does() throws Exception {
    long plain = seed.insert(LogSeed.entry().question("plain"));
    long disliked = seed.insert(LogSeed.entry().question("disliked"));
    seed.vote(disliked, 9, -1);
    long approved = seed.insert(LogSeed.entry().question("approved").notFound());
    long hidden = seed.insert(LogSeed.entry().question("hidden").unsupported(1));
    long flagged = seed.insert(LogSeed.entry().question("flagged"));
    String cookie = signIn();
    String csrf = csrf(cookie);
    post("/answers/" + approved + "/approve", "csrf=" + csrf, cookie);
    post("/answers/" + hidden + "/hide", "csrf=" + csrf, cookie);
    post("/answers/" + flagged + "/flag", "csrf=" + csrf, cookie);

    String page = get("/?look=1", cookie).body();

    assertThat(page).contains("<a href=\"/?look=1\" id=\"nav-look\">Needs a look</a>")
        .contains("<input type=\"checkbox\" name=\"look\" value=\"1\" id=\"f-look\" checked>");
    assertThat(listed(page)).containsExactly(flagged, disliked).doesNotContain(plain, approved, hidden);
  }

  @Test
  void should_explain_an_unknown_chat_type_and_dates_that_run_backwards_in_sentences() throws Exception {
    String cookie = signIn();

    HttpResponse<String> chat = get("/?chat=channel", cookie);
    HttpResponse<String> range = get("/insights?from=2030-01-01", cookie);

    assertThat(chat.statusCode()).isEqualTo(400);
    assertThat(chat.body()).contains("<p id=\"message\">There is no chat type &quot;channel&quot;;"
        + " choose private, group, supergroup or terminal.</p>");
    assertThat(range.statusCode()).isEqualTo(400);
    assertThat(range.body()).contains("<p id=\"message\">The dates run backwards: 2030-01-01 is after 2025-03-12.</p>");
  }

  @Test
  void should_show_an_incident_id_instead_of_the_exception_and_log_it_when_an_action_fails() throws Exception {
    long id = seed.insert(LogSeed.entry().replies(77, 78));
    try (Connection c = db.open()) { // the edit queue refuses every write
      c.createStatement().executeUpdate("CREATE TRIGGER no_edits BEFORE INSERT ON pending_edits"
          + " BEGIN SELECT RAISE(ABORT, 'edits are frozen'); END");
    }
    String cookie = signIn();
    ListAppender<ILoggingEvent> events = logged();

    HttpResponse<String> r = post("/answers/" + id + "/hide", "csrf=" + csrf(cookie), cookie);

    assertThat(r.statusCode()).isEqualTo(500);
    Matcher m = Pattern.compile("<p id=\"message\">The answer log could not be read or written \\(incident"
        + " ([0-9a-f]{8})\\)\\. Try again shortly\\.</p>").matcher(r.body());
    assertThat(m.find()).as(r.body()).isTrue();
    assertThat(r.body()).doesNotContain("frozen").doesNotContain("Exception");
    assertThat(failures(events)).containsExactly(m.group(1) + " " + ReviewStoreException.class.getName());
    assertThat(count("SELECT COUNT(*) FROM answers WHERE hidden = 1")).isZero();
    assertThat(count("SELECT COUNT(*) FROM moderation_actions")).isZero();
  }

  @Test
  void should_show_an_incident_id_and_log_it_when_the_answer_log_cannot_be_read() throws Exception {
    String cookie = signIn();
    ListAppender<ILoggingEvent> events = logged();
    try (Connection c = db.open()) {
      c.createStatement().executeUpdate("ALTER TABLE answers RENAME TO answers_elsewhere");
    }

    HttpResponse<String> r = get("/", cookie);

    assertThat(r.statusCode()).isEqualTo(500);
    Matcher m = Pattern.compile("<p id=\"message\">The answer log could not be read or written \\(incident"
        + " ([0-9a-f]{8})\\)\\. Try again shortly\\.</p>").matcher(r.body());
    assertThat(m.find()).as(r.body()).isTrue();
    assertThat(r.body()).doesNotContain("SQL").doesNotContain("answers_elsewhere");
    assertThat(failures(events)).containsExactly(m.group(1) + " " + ReviewStoreException.class.getName());
  }

  @Test
  void should_refuse_to_start_when_no_review_password_is_set() {
    assertThat(System.getenv(ReviewConfig.PASSWORD_ENV)).as("this test needs %s unset", ReviewConfig.PASSWORD_ENV).isNull();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    picocli.CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));

    int code = cl.execute("review", "--data", dir.toString(), "--port", "0");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
        "newsdesk: set NEWSDESK_REVIEW_PASSWORD to the moderators' password before starting the review page"
            + System.lineSeparator());
  }

  /** The rows of the insights page's table of unanswered questions, in order. */
  private static List<String> unansweredRows(String page) {
    Matcher table = Pattern.compile("<table id=\"unanswered\">.*?<tbody>\\s*(.*?)\\s*</tbody>", Pattern.DOTALL)
        .matcher(page);
    assertThat(table.find()).as("the insights page has its table of unanswered questions").isTrue();
    Matcher row = Pattern.compile("<tr>.*?</tr>", Pattern.DOTALL).matcher(table.group(1));
    List<String> rows = new ArrayList<>();
    while (row.find()) rows.add(row.group());
    return rows;
  }

  /** Ids of the answers a queue page lists, in order. */
  private static List<Long> listed(String page) {
    Matcher m = Pattern.compile("<a href=\"/answers/(\\d+)\" class=\"question\">").matcher(page);
    List<Long> ids = new ArrayList<>();
    while (m.find()) ids.add(Long.parseLong(m.group(1)));
    return ids;
  }

  /** Captures what the review page logs from now until the test ends. */
  private ListAppender<ILoggingEvent> logged() {
    Logger logger = (Logger) LoggerFactory.getLogger(ReviewServer.class);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    logger.addAppender(events);
    detach = () -> logger.detachAppender(events);
    return events;
  }

  /** "incident exception-class" of each failure the page logged. */
  private static List<String> failures(ListAppender<ILoggingEvent> events) {
    return events.list.stream().filter(e -> e.getMessage().equals("review page failed"))
        .map(e -> e.getKeyValuePairs().stream().filter(kv -> kv.key.equals("incident")).findFirst().orElseThrow().value
            + " " + e.getThrowableProxy().getClassName())
        .toList();
  }

  private String signIn() throws Exception {
    HttpResponse<String> r = post("/login", "name=ana&password=" + enc(PASSWORD), null);
    String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  private String csrf(String cookie) throws Exception {
    Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(get("/", cookie).body());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private HttpResponse<String> get(String path, String cookie) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
    if (cookie != null) b.header("Cookie", cookie);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String form, String cookie) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    if (cookie != null) b.header("Cookie", cookie);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private long count(String sql) throws Exception {
    try (Connection c = db.open(); ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

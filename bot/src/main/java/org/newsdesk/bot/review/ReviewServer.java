package org.newsdesk.bot.review;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.newsdesk.bot.log.LogDatabase;
import org.newsdesk.bot.logging.IncidentId;
import org.newsdesk.config.ConfigException;
import org.newsdesk.config.ReviewConfig;
import org.newsdesk.config.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The moderators' review page: sign in, queue, answer detail with actions, insights, export.
 * Every page but the sign-in needs a session; every POST needs the session's CSRF token. The page
 * is a door to {@link Moderation}, the service behind Telegram's moderator commands too.
 *
 * <p>Sessions, CSRF tokens and signing in are {@link SignIn}'s. A moderator sees only sentences
 * written for them: an {@link InvalidRequest}'s own, or for any other failure a short one with an
 * incident id, under which the exception is logged.
 */
public final class ReviewServer implements AutoCloseable {
  /** Name of the session cookie. */
  public static final String COOKIE = "newsdesk_review";
  private static final Logger log = LoggerFactory.getLogger(ReviewServer.class);
  private static final int PAGE_SIZE = 50;

  private final ReviewConfig config;
  private final Moderation moderation;
  private final Export export;
  private final SignIn signIn;
  private final Clock clock;
  private final PebbleEngine templates;
  private final Javalin app;
  private String host;
  private int port;

  /**
   * The page over {@code db}, not yet listening; its insights group unanswered questions as
   * {@code grouping} says.
   *
   * @throws ConfigException when the password is too short ({@link PasswordCheck})
   */
  public ReviewServer(LogDatabase db, ReviewConfig config, Secret password, Clock clock, QuestionGrouping grouping) {
    this.config = config;
    PasswordCheck check = new PasswordCheck(password);
    this.moderation = new Moderation(db, clock::millis, grouping);
    this.export = new Export(db);
    this.signIn = new SignIn(new Sessions(config.sessionTimeout(), clock), check,
        new SignInThrottle(5, 30, Duration.ofSeconds(30), Duration.ofMinutes(15), clock),
        config.keystore().isPresent(), this::render);
    this.clock = clock;
    ClasspathLoader loader = new ClasspathLoader();
    loader.setPrefix("review");
    loader.setSuffix(".peb");
    this.templates = new PebbleEngine.Builder().loader(loader).autoEscaping(true).strictVariables(true)
        .extension(new PageFilters()).build();
    this.app = Javalin.create(cfg -> {
      cfg.showJavalinBanner = false;
      cfg.useVirtualThreads = true;
      config.keystore().ifPresent(keystore -> cfg.jetty.addConnector((server, http) ->
          ReviewTls.connector(server, http, keystore, config.keystorePassword(), host, port)));
    });
    routes();
  }

  /**
   * Starts listening; port 0 picks a free one (see {@link #port()}). HTTPS when the configuration
   * names a keystore; otherwise plain HTTP, which on an address other than loopback needs
   * {@code insecureHttp}, since the password would cross the network readable.
   *
   * @throws ConfigException when plain HTTP is refused, or the keystore cannot be used
   */
  public ReviewServer start(String host, int port) {
    boolean tls = config.keystore().isPresent();
    if (!tls && !config.insecureHttp() && !isLoopback(host)) {
      throw new ConfigException("the review page on " + host + " would send the moderators' password over plain"
          + " HTTP: set newsdesk.review.keystore (and " + ReviewConfig.KEYSTORE_PASSWORD_ENV + ") to serve HTTPS,"
          + " or pass --insecure-http if the network is trusted");
    }
    this.host = host;
    this.port = port;
    if (tls) {
      ReviewTls.check(config.keystore().get(), config.keystorePassword());
      app.start();
    } else {
      app.start(host, port);
    }
    log.atInfo().addKeyValue("host", host).addKeyValue("port", port()).addKeyValue("https", tls)
        .log("review page listening");
    if (!tls && !isLoopback(host)) {
      log.atWarn().addKeyValue("host", host).log("review page serves plain HTTP beyond this machine");
    }
    return this;
  }

  public int port() {
    return app.port();
  }

  /** Where moderators open the page: {@code https://host:port/} or {@code http://host:port/}. */
  public String url() {
    return (config.keystore().isPresent() ? "https" : "http") + "://" + host + ":" + port() + "/";
  }

  /** A sentence for the terminal when the page serves plain HTTP beyond this machine; empty otherwise. */
  public Optional<String> plainHttpNotice() {
    if (config.keystore().isPresent() || isLoopback(host)) return Optional.empty();
    return Optional.of("the review page on " + host + " serves plain HTTP (--insecure-http): passwords and"
        + " session cookies cross the network unencrypted; set newsdesk.review.keystore to serve HTTPS");
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  @Override
  public void close() {
    app.stop();
  }

  private void routes() {
    app.before(signIn::guard);
    app.get("/login", ctx -> render(ctx, "login", Map.of("error", "", "name", "")));
    app.post("/login", signIn::login);
    app.post("/logout", signIn::logout);
    app.get("/", this::queuePage);
    app.get("/answers/{id}", this::detailPage);
    app.post("/answers/{id}/{action}", this::act);
    app.get("/insights", this::insightsPage);
    app.get("/export.csv", ctx -> exportView(ctx, Export.Format.CSV));
    app.get("/export.jsonl", ctx -> exportView(ctx, Export.Format.JSONL));

    app.exception(InvalidRequest.class, (e, ctx) ->
        page(ctx.status(HttpStatus.BAD_REQUEST), "message", Map.of("heading", "Cannot do that", "message", e.getMessage())));
    app.exception(ReviewStoreException.class, (e, ctx) -> failed(ctx, e, "The answer log failed",
        "The answer log could not be read or written (incident %s). Try again shortly."));
    app.exception(Exception.class, (e, ctx) -> failed(ctx, e, "Something went wrong",
        "Something went wrong (incident %s); the details are in the log."));
    app.error(HttpStatus.NOT_FOUND, ctx -> {
      if (ctx.attribute("session") != null && ctx.result() == null) {
        page(ctx, "message", Map.of("heading", "Not found", "message", "There is no such page."));
      }
    });
  }

  /** Logs the failure under a new incident id and tells the moderator {@code sentence} with that id. */
  private void failed(Context ctx, Exception e, String heading, String sentence) {
    String incident = IncidentId.next();
    log.atError().setCause(e).addKeyValue("incident", incident).addKeyValue("path", ctx.path())
        .log("review page failed");
    if (ctx.res().isCommitted()) return; // an export broke off mid-stream: the download is cut short
    page(ctx.status(HttpStatus.INTERNAL_SERVER_ERROR), "message",
        Map.of("heading", heading, "message", sentence.formatted(incident)));
  }

  private void queuePage(Context ctx) {
    QueueFilter filter = QueueFilter.fromParams(ctx::queryParam);
    Optional<QueuePage.Cursor> after = Optional.ofNullable(ctx.queryParam("after"))
        .filter(s -> !s.isBlank()).map(QueuePage.Cursor::parse);
    QueuePage p = moderation.queue(filter, after, PAGE_SIZE);
    String query = filter.toQuery();
    page(ctx, "queue", Map.of("rows", p.rows(), "next", p.next().map(Object::toString).orElse(""),
        "paged", after.isPresent(), "query", query, "f", filter.formValues()));
  }

  private void detailPage(Context ctx) {
    long id = id(ctx);
    Optional<AnswerDetail> d = moderation.answer(id);
    if (d.isEmpty()) {
      noSuchAnswer(ctx, id);
      return;
    }
    page(ctx, "detail", Map.of("a", d.get(), "hiddenNotice", Moderation.HIDDEN_NOTICE));
  }

  private void act(Context ctx) {
    long id = id(ctx);
    String name = ctx.pathParam("action");
    Moderation.Action action = Moderation.Action.labelled(name)
        .orElseThrow(() -> new InvalidRequest("There is no action \"" + name + "\"; use the buttons on the answer's page."));
    Sessions.Session s = ctx.attribute("session");
    if (moderation.act(id, action, "review:" + s.moderator(), ctx.formParam("note")).isEmpty()) {
      noSuchAnswer(ctx, id);
      return;
    }
    ctx.redirect("/answers/" + id, HttpStatus.SEE_OTHER);
  }

  private void noSuchAnswer(Context ctx, long id) {
    page(ctx.status(HttpStatus.NOT_FOUND), "message",
        Map.of("heading", "Not found", "message", "There is no answer " + id + "."));
  }

  private void insightsPage(Context ctx) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    QueueFilter range = QueueFilter.fromParams(ctx::queryParam);
    LocalDate to = range.to().orElse(today);
    LocalDate from = range.from().orElse(to.minusDays(29));
    InsightsReport r = moderation.insights(from, to, 20);
    page(ctx, "insights", Map.of("r", r, "perDay", BarChart.perDay(r.days()),
        "topChart", BarChart.unanswered(r.unanswered())));
  }

  private void exportView(Context ctx, Export.Format format) throws IOException {
    QueueFilter filter = QueueFilter.fromParams(ctx::queryParam);
    String ext = format == Export.Format.CSV ? "csv" : "jsonl";
    ctx.contentType(format == Export.Format.CSV ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"newsdesk-answers." + ext + "\"");
    long n = export.write(filter, format, ctx.res().getOutputStream());
    ctx.res().flushBuffer();
    Sessions.Session s = ctx.attribute("session");
    log.atInfo().addKeyValue("moderator", s.moderator()).addKeyValue("rows", n).addKeyValue("format", ext)
        .log("review export");
  }

  private static long id(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new InvalidRequest("\"" + ctx.pathParam("id") + "\" is not an answer number.", e);
    }
  }

  /** Renders a page for a signed-in moderator (adds the name and the CSRF token). */
  private void page(Context ctx, String template, Map<String, Object> model) {
    Map<String, Object> m = new HashMap<>(model);
    Sessions.Session s = ctx.attribute("session");
    m.put("moderator", s == null ? "" : s.moderator());
    m.put("csrf", s == null ? "" : s.csrfToken());
    render(ctx, template, m);
  }

  private void render(Context ctx, String template, Map<String, Object> model) {
    Map<String, Object> m = new HashMap<>(model);
    m.putIfAbsent("moderator", "");
    m.putIfAbsent("csrf", "");
    StringWriter out = new StringWriter();
    try {
      templates.getTemplate(template).evaluate(out, m);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ctx.html(out.toString());
  }
}

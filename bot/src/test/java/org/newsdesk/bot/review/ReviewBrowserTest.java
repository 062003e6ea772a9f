package org.newsdesk.bot.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.bot.log.LogDatabase;
import org.newsdesk.bot.log.TestDatabases;
import org.newsdesk.config.ReviewConfig;
import org.newsdesk.config.Secret;
import org.newsdesk.retrieval.embed.BgeSmallEmbeddingModel;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The review page in Debian's headless Chromium, driven by Selenium through the installed
 * chromedriver (nothing is downloaded). Saves its screenshots under {@code target/screenshots/};
 * with {@code -Dnewsdesk.docs.screenshots=true} it refreshes the README's images in {@code docs/}
 * instead, so an ordinary test run leaves the checkout as it was.
 */
class ReviewBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String PASSWORD = "tram-review-2025";
  /** The system property that asks for the screenshots in docs/. */
  private static final String REFRESH_DOCS = "newsdesk.docs.screenshots";
  @TempDir Path dir;
  private LogDatabase db;
  private ReviewServer server;
  private ChromeDriver browser;

  @BeforeEach
  void start() {
    assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
        .as("the browser test needs Debian's chromium and chromium-driver: apt-get install chromium chromium-driver"
            + " (.ci/run installs them)")
        .isTrue();
    db = TestDatabases.SQLITE.create(dir.resolve("log"));
    TestClock clock = new TestClock("2025-03-12T16:30:00Z");
    server = new ReviewServer(db, new ReviewConfig("127.0.0.1", 0, Duration.ofMinutes(30), Optional.empty()),
        new Secret(PASSWORD), clock, QuestionGrouping.byMeaning(BgeSmallEmbeddingModel.NAME)).start("127.0.0.1", 0);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1280,1000", "--user-data-dir=" + dir.resolve("chromium"));
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void stop() {
    if (browser != null) browser.quit();
    if (server != null) server.close();
  }

  @Test
  void should_let_a_moderator_find_flag_and_export_a_disliked_answer() throws Exception {
    LogSeed seed = new LogSeed(db);
    seed.vote(seed.insert(LogSeed.entry().question("When does the new tram line open?").at("2025-03-12T08:10:00Z")), 1, 1);
    seed.insert(LogSeed.entry().question("Who owns the football stadium?").notFound()
        .vector(BgeSmallEmbeddingModel.NAME, Bge.vector("Who owns the football stadium?")).at("2025-03-12T09:02:00Z"));
    seed.insert(LogSeed.entry().question("How much will tickets cost on the tram?").unsupported(1)
        .chat("group", -1001).at("2025-03-12T10:45:00Z"));
    long disliked = seed.insert(LogSeed.entry().question("Did the council vote against the tram budget?")
        .answer("The council approved the budget <b>unanimously</b> [1].\n\n<b>[1] City approves tram</b>\n"
            + "<i>City Gazette · 2025-03-01</i>\n<blockquote>The tram line opens in May.</blockquote>")
        .unsupported(1).at("2025-03-12T11:20:00Z"));
    seed.vote(disliked, 7, -1);
    seed.vote(disliked, 8, -1);
    String script = "<script>alert('hi')</script> is the bridge closed?";
    seed.insert(LogSeed.entry().question(script).notFound().vector(BgeSmallEmbeddingModel.NAME, Bge.vector(script))
        .at("2025-03-12T12:05:00Z"));
    seed.insert(LogSeed.entry().question("What did the mayor say about parking fees?").at("2025-03-12T14:40:00Z"));
    String base = "http://127.0.0.1:" + server.port();

    // Wrong password refused.
    browser.get(base + "/");
    signIn("Ana", "not-the-password");
    assertThat(browser.findElement(By.id("error")).getText()).isEqualTo("Wrong password.");

    // Signed in: the queue, with a script in a question shown as text.
    signIn("Ana", PASSWORD);
    assertThat(browser.getCurrentUrl()).isEqualTo(base + "/");
    List<String> questions = browser.findElements(By.cssSelector("#queue a.question")).stream()
        .map(WebElement::getText).toList();
    assertThat(questions).hasSize(6).contains("<script>alert('hi')</script> is the bridge closed?");
    save("review-queue.png");

    // Filter to 👎.
    browser.findElement(By.id("f-down")).click();
    clickThrough(By.id("apply"));
    assertThat(browser.getCurrentUrl()).startsWith(base + "/?down=1&");
    assertThat(browser.findElements(By.cssSelector("#queue a.question"))).extracting(WebElement::getText)
        .containsExactly("Did the council vote against the tram budget?");

    // Open it and flag it.
    clickThrough(By.cssSelector("#queue a.question"));
    assertThat(browser.findElement(By.id("question")).getText()).isEqualTo("Did the council vote against the tram budget?");
    assertThat(browser.findElement(By.id("feedback")).getText()).isEqualTo("👍 0 · 👎 2");
    assertThat(browser.findElement(By.cssSelector(".citation mark")).getText()).isEqualTo("The tram line opens in May.");
    clickThrough(By.id("flag"));
    assertThat(browser.getCurrentUrl()).isEqualTo(base + "/answers/" + disliked);
    assertThat(browser.findElement(By.id("flag-flagged")).getText()).isEqualTo("flagged");
    assertThat(browser.findElement(By.id("history")).getText()).isEqualTo("flag by review:Ana 2025-03-12 16:30 UTC");
    browser.findElement(By.id("note")).sendKeys("The answer contradicts the quoted passage.");
    clickThrough(By.id("add-note"));
    assertThat(browser.findElement(By.id("history")).getText()).isEqualTo(
        "flag by review:Ana 2025-03-12 16:30 UTC\nnote by review:Ana 2025-03-12 16:30 UTC\n"
            + "The answer contradicts the quoted passage.");
    save("review-detail.png");

    // Export the 👎 view as CSV with the browser's session cookie.
    Cookie session = browser.manage().getCookieNamed(ReviewServer.COOKIE);
    assertThat(session.isHttpOnly()).isTrue();
    HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/export.csv?down=1"))
        .header("Cookie", ReviewServer.COOKIE + "=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
    assertThat(csv.body().split("\r\n")).containsExactly(String.join(",", Export.COLUMNS),
        disliked + ",2025-03-12T11:20:00Z,private,501,501,Did the council vote against the tram budget?,answered,"
            + "\"The council approved the budget <b>unanimously</b> [1].\n\n<b>[1] City approves tram</b>\n"
            + "<i>City Gazette · 2025-03-01</i>\n<blockquote>The tram line opens in May.</blockquote>\","
            + "extractive,1,42,0,2,true,false,false");
  }

  @Test
  void should_show_three_phrasings_of_one_need_as_one_row_of_the_insights() throws Exception {
    LogSeed seed = new LogSeed(db);
    seed.insert(LogSeed.entry().at("2025-03-10T08:00:00Z"));
    int minute = 0;
    for (String q : List.of("When will trams start running?", "tram opening date?", "Who owns the football stadium?",
        "When will trams start running?", "when does the tram open", "how much did the library cost",
        "Is the bridge still closed?", "Who is the owner of the stadium?", "tram opening date?")) {
      seed.insert(LogSeed.entry().question(q).notFound().vector(BgeSmallEmbeddingModel.NAME, Bge.vector(q))
          .at("2025-03-11T09:%02d:00Z".formatted(minute++)));
    }
    browser.get("http://127.0.0.1:" + server.port() + "/");
    signIn("Ana", PASSWORD);

    clickThrough(By.linkText("Insights"));

    assertThat(browser.findElement(By.id("grouping")).getText())
        .isEqualTo("Questions that ask for the same thing in other words are one row.");
    assertThat(browser.findElements(By.cssSelector("#unanswered tbody tr"))).extracting(WebElement::getText)
        .containsExactly(
            "tram opening date?\nWhen will trams start running?\nwhen does the tram open\n5",
            "Who is the owner of the stadium?\nWho owns the football stadium?\n2",
            "Is the bridge still closed? 1",
            "how much did the library cost 1");
    browser.manage().window().setSize(new Dimension(1280, 1400)); // the whole page in the picture
    save("review-insights.png");
  }

  private void signIn(String name, String password) {
    browser.findElement(By.id("name")).clear();
    browser.findElement(By.id("name")).sendKeys(name);
    browser.findElement(By.id("password")).sendKeys(password);
    clickThrough(By.id("signin"));
  }

  private void save(String name) throws Exception {
    Path module = Path.of("").toAbsolutePath();
    assertThat(module.resolve("pom.xml")).as("tests run from the bot module").exists();
    Path folder = Boolean.getBoolean(REFRESH_DOCS) ? module.getParent().resolve("docs")
        : module.resolve("target").resolve("screenshots");
    Files.createDirectories(folder);
    File shot = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Clicks something that loads a new page and waits until the old page is gone: its root element is
   * stale, or (Chrome's other answer while the new page replaces it) no longer belongs to the document.
   */
  private void clickThrough(By target) {
    WebElement oldPage = browser.findElement(By.tagName("html"));
    browser.findElement(target).click();
    new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> {
      try {
        oldPage.isEnabled();
        return false;
      } catch (StaleElementReferenceException e) {
        return true;
      } catch (WebDriverException e) {
        if (String.valueOf(e.getMessage()).contains("does not belong to the document")) return true;
        throw e;
      }
    });
  }
}

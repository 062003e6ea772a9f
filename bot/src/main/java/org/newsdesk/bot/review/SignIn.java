package org.newsdesk.bot.review;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may use the review page: the headers every response carries, the session every page but the
 * sign-in needs, the CSRF token every POST needs, and signing in and out, with wrong passwords
 * throttled by name and address.
 */
final class SignIn {
  private static final Logger log = LoggerFactory.getLogger(SignIn.class);
  private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:;"
      + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  /** Renders a page template with its model, as the review server does. */
  interface Renderer {
    void render(Context ctx, String template, Map<String, Object> model);
  }

  private final Sessions sessions;
  private final PasswordCheck password;
  private final SignInThrottle throttle;
  private final boolean secureCookie;
  private final Renderer renderer;

  /** @param secureCookie whether the page is served over HTTPS, so the session cookie is sent only there */
  SignIn(Sessions sessions, PasswordCheck password, SignInThrottle throttle, boolean secureCookie, Renderer renderer) {
    this.sessions = sessions;
    this.password = password;
    this.throttle = throttle;
    this.secureCookie = secureCookie;
    this.renderer = renderer;
  }

  /**
   * Runs before every handler: sets the security headers, then lets through the sign-in page and
   * requests with a live session (and, but for a GET, its CSRF token), which it puts in the
   * context's {@code session} attribute. Anything else is sent to sign in or refused.
   */
  void guard(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cache-Control", "no-store");
    if (ctx.path().equals("/login")) return;
    Optional<Sessions.Session> session = sessions.find(ctx.cookie(ReviewServer.COOKIE));
    if (session.isEmpty()) {
      if (ctx.method().name().equals("GET")) ctx.redirect("/login");
      else ctx.status(HttpStatus.FORBIDDEN).result("Sign in first.");
      ctx.skipRemainingHandlers();
      return;
    }
    if (!ctx.method().name().equals("GET") && !session.get().csrfMatches(ctx.formParam("csrf"))) {
      ctx.status(HttpStatus.FORBIDDEN).result("This form has expired. Reload the page and try again.");
      ctx.skipRemainingHandlers();
      return;
    }
    ctx.attribute("session", session.get());
  }

  void login(Context ctx) {
    String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
    Duration wait = throttle.waitFor(name, ctx.ip());
    if (!wait.isZero()) {
      log.atWarn().addKeyValue("ip", ctx.ip()).addKeyValue("name", name).log("review sign-in throttled");
      renderer.render(ctx.status(HttpStatus.TOO_MANY_REQUESTS), "login", Map.of("error",
          "Too many wrong passwords. Try again in " + inWords(wait) + ".", "name", name));
      return;
    }
    if (!password.matches(ctx.formParam("password"))) {
      throttle.failed(name, ctx.ip());
      log.atWarn().addKeyValue("ip", ctx.ip()).addKeyValue("name", name).log("review sign-in refused");
      renderer.render(ctx.status(HttpStatus.UNAUTHORIZED), "login", Map.of("error", "Wrong password.", "name", name));
      return;
    }
    throttle.succeeded(name, ctx.ip());
    if (name.isEmpty() || name.length() > 40 || name.chars().anyMatch(Character::isISOControl)) {
      renderer.render(ctx.status(HttpStatus.BAD_REQUEST), "login",
          Map.of("error", "Type your name (up to 40 characters); it is recorded with your actions.", "name", ""));
      return;
    }
    Sessions.Session s = sessions.start(name);
    ctx.header("Set-Cookie", ReviewServer.COOKIE + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict"
        + (secureCookie ? "; Secure" : ""));
    log.atInfo().addKeyValue("moderator", name).log("review sign-in");
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }

  void logout(Context ctx) {
    sessions.end(ctx.cookie(ReviewServer.COOKIE));
    ctx.header("Set-Cookie", ReviewServer.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
    ctx.redirect("/login", HttpStatus.SEE_OTHER);
  }

  /** "45 seconds", "1 minute", "15 minutes": a wait rounded up. */
  static String inWords(Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    if (seconds < 60) return seconds + (seconds == 1 ? " second" : " seconds");
    long minutes = (seconds + 59) / 60;
    return minutes + (minutes == 1 ? " minute" : " minutes");
  }
}

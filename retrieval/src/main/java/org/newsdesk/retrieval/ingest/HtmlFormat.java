package org.newsdesk.retrieval.ingest;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTML articles, parsed with jsoup. Headline from {@code <h1>}, {@code og:title} or {@code <title>};
 * body from {@code <article>}, {@code <main>} or the page, with navigation, scripts, styles,
 * headers, footers, asides, forms, figure captions and elements whose class or id names web
 * chrome (newsletter, donate, share, related, comments, ads) removed; dates from
 * {@code <time datetime>} or {@code article:published_time}; url from the canonical link or
 * {@code og:url}; source from {@code og:site_name}. Scraped metadata that cannot be read is
 * skipped with a warning rather than losing the article.
 */
final class HtmlFormat {
  private static final Logger log = LoggerFactory.getLogger(HtmlFormat.class);

  private HtmlFormat() {}

  private static final String DROP = "script, style, noscript, template, nav, header, footer, aside, form, button, "
      + "iframe, svg, canvas, video, audio, figcaption, [hidden], [aria-hidden=true], [role=navigation], "
      + "[role=banner], [role=contentinfo], [role=complementary], [role=dialog]";

  /** Words in class names and ids that mark web chrome (matched as whole words: "article-share", not "shared"). */
  private static final Set<String> CHROME_NAMES = Set.of("newsletter", "donate", "donation", "donations",
      "subscribe", "subscription", "paywall", "share", "sharing", "social", "related", "comments", "comment", "ad",
      "ads", "advert", "advertisement", "promo", "cookie", "cookies", "banner", "sidebar", "breadcrumb",
      "breadcrumbs", "modal", "popup", "recommended", "outbrain", "taboola");

  private static final String BLOCKS = "p, h2, h3, h4, h5, h6, li, blockquote, pre, dd, dt";

  static RawArticle parse(String html, String path, ArticleAssembler assembler) throws ArticleAssembler.Rejected {
    Document doc = Jsoup.parse(html);
    String title = firstNonBlank(
        textOf(doc.selectFirst("article h1")), textOf(doc.selectFirst("h1")),
        meta(doc, "og:title"), cleanTitleTag(doc.title()));
    List<String> urls = new ArrayList<>(doc.select("link[rel=canonical]").eachAttr("href"));
    urls.add(meta(doc, "og:url"));
    Optional<URI> url = firstUrl(path, urls);
    Optional<LocalDate> published = firstDate(path, doc);
    Optional<String> source = Optional.ofNullable(meta(doc, "og:site_name"));

    doc.select(DROP).remove();
    for (Element e : doc.select("[class], [id]")) {
      if (e.parent() != null && namesChrome(e)) e.remove();
    }
    Element container = container(doc);
    List<String> paragraphs = new ArrayList<>();
    Elements blocks = container.select(BLOCKS);
    for (Element block : blocks) {
      if (block.select(BLOCKS).size() > 1) continue; // its inner blocks are taken one by one
      String t = block.text();
      if (!t.isBlank()) paragraphs.add(t);
    }
    if (paragraphs.isEmpty()) paragraphs.addAll(PlainText.paragraphs(container.wholeText()));
    return assembler.assemble(path, title, url, published, source, paragraphs, path);
  }

  /** The element holding the story: the {@code <article>} with the most text, else {@code <main>}, else the body. */
  private static Element container(Document doc) {
    Element best = null;
    int bestLength = -1;
    for (Element a : doc.select("article")) {
      int length = a.text().length();
      if (length > bestLength) {
        best = a;
        bestLength = length;
      }
    }
    if (best != null && bestLength > 0) return best;
    Element main = doc.selectFirst("main, [role=main]");
    if (main != null && !main.text().isBlank()) return main;
    Element body = doc.body();
    body.select("h1").remove();
    return body;
  }

  private static boolean namesChrome(Element e) {
    if (e.tagName().equals("body") || e.tagName().equals("html") || e.tagName().equals("article")
        || e.tagName().equals("main")) {
      return false;
    }
    String names = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
    int i = 0;
    while (i < names.length()) {
      while (i < names.length() && !Character.isLetter(names.charAt(i))) i++;
      int start = i;
      while (i < names.length() && Character.isLetter(names.charAt(i))) i++;
      if (i > start && CHROME_NAMES.contains(names.substring(start, i))) return true;
    }
    return false;
  }

  private static Optional<LocalDate> firstDate(String path, Document doc) {
    List<String> candidates = new ArrayList<>();
    candidates.addAll(doc.select("article time[datetime]").eachAttr("datetime"));
    candidates.add(meta(doc, "article:published_time"));
    candidates.add(meta(doc, "datePublished"));
    candidates.add(meta(doc, "date"));
    candidates.addAll(doc.select("[itemprop=datePublished][content]").eachAttr("content"));
    candidates.addAll(doc.select("time[datetime]").eachAttr("datetime"));
    String bad = null;
    for (String c : candidates) {
      if (c == null || c.isBlank()) continue;
      try {
        return Optional.of(FieldValues.date(c));
      } catch (FieldValues.BadField e) {
        if (bad == null) bad = e.getMessage();
      }
    }
    if (bad != null) log.atWarn().addKeyValue("path", path).addKeyValue("problem", bad).log("html date skipped");
    return Optional.empty();
  }

  private static Optional<URI> firstUrl(String path, List<String> candidates) {
    String bad = null;
    for (String c : candidates) {
      if (c == null || c.isBlank()) continue;
      try {
        return Optional.of(FieldValues.url(c));
      } catch (FieldValues.BadField e) {
        if (bad == null) bad = e.getMessage();
      }
    }
    if (bad != null) log.atWarn().addKeyValue("path", path).addKeyValue("problem", bad).log("html url skipped");
    return Optional.empty();
  }

  private static String meta(Document doc, String name) {
    String q = "\"" + name + "\"";
    Element e = doc.selectFirst("meta[property=" + q + "], meta[name=" + q + "], meta[itemprop=" + q + "]");
    if (e == null) return null;
    String v = e.attr("content").strip();
    return v.isEmpty() ? null : v;
  }

  private static String textOf(Element e) {
    return e == null ? null : e.text();
  }

  /** "Tram line opens | City Courier" gives "Tram line opens". */
  private static String cleanTitleTag(String title) {
    if (title == null) return null;
    for (String sep : List.of(" | ", " \u2013 ", " \u2014 ", " - ")) {
      int at = title.lastIndexOf(sep);
      if (at > 0) return title.substring(0, at);
    }
    return title;
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) return v.strip();
    }
    return null;
  }
}

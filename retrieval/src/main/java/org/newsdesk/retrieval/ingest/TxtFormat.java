package org.newsdesk.retrieval.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Plain-text articles. The first line is the headline when it looks like one (a longer variant
 * of it right below replaces it); otherwise the headline is derived from the first sentence.
 * A banner block above the headline ("Enjoying ad-free content? ... Support us") is dropped.
 */
final class TxtFormat {
  private TxtFormat() {}

  /** Appeal vocabulary of donation, subscription and ad banners. Only used on lines above the headline. */
  private static final Pattern APPEAL = Pattern.compile(
      "\\b(ad-free|ads|ad ?blocker|advert\\w*|donat\\w*|subscri\\w*|paywall|support us|your support|support our"
          + "|we need your help|our journalism|newsletter|sign up|membership|become a member)\\b",
      Pattern.CASE_INSENSITIVE);

  static RawArticle parse(String text, String path, ArticleAssembler assembler) throws ArticleAssembler.Rejected {
    List<String> lines = PlainText.lines(text);
    int start = skipBanner(lines, assembler.filter());
    List<String> rest = lines.subList(start, lines.size());
    int first = 0;
    while (first < rest.size() && rest.get(first).isBlank()) first++;
    if (first >= rest.size()) throw new ArticleAssembler.Rejected("empty after cleaning");
    String headline = null;
    List<String> paragraphs;
    String firstLine = Text.collapseSpace(rest.get(first));
    if (PlainText.looksLikeHeadline(firstLine) && hasMoreText(rest, first + 1)) {
      headline = firstLine;
      paragraphs = new ArrayList<>(PlainText.paragraphs(rest.subList(first + 1, rest.size())));
      while (!paragraphs.isEmpty() && isVariant(headline, paragraphs.get(0))) {
        String variant = paragraphs.remove(0);
        if (variant.length() > headline.length()) headline = variant;
      }
    } else {
      paragraphs = PlainText.paragraphs(rest.subList(first, rest.size()));
    }
    return assembler.assemble(path, headline, Optional.empty(), Optional.empty(), Optional.empty(), paragraphs, path);
  }

  /** Index of the first line after any banner blocks and chrome lines at the top. */
  private static int skipBanner(List<String> lines, ParagraphFilter filter) {
    int i = 0;
    while (true) {
      while (i < lines.size() && lines.get(i).isBlank()) i++;
      int end = i;
      int cues = 0;
      while (end < lines.size() && !lines.get(end).isBlank()) {
        if (isCue(lines.get(end), filter)) cues++;
        end++;
      }
      int size = end - i;
      if (size >= 2 && cues >= 2 && cues * 2 >= size && hasMoreText(lines, end)) {
        i = end;
      } else {
        break;
      }
    }
    while (i < lines.size() && (lines.get(i).isBlank() || filter.isChrome(lines.get(i))) && hasMoreText(lines, i + 1)) {
      i++;
    }
    return i;
  }

  private static boolean isCue(String line, ParagraphFilter filter) {
    String c = Text.collapseSpace(line);
    return filter.isChrome(c) || ParagraphFilter.isStray(c) || APPEAL.matcher(c).find();
  }

  private static boolean hasMoreText(List<String> lines, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (!lines.get(i).isBlank() && Text.hasLetterOrDigit(lines.get(i))) return true;
    }
    return false;
  }

  /** "Ties on the verge" followed by "Ties on the verge of severing": the same headline, once cut short. */
  private static boolean isVariant(String headline, String paragraph) {
    if (Text.endsSentence(paragraph) || Text.wordCount(paragraph) > PlainText.HEADLINE_MAX_WORDS) return false;
    String h = Text.key(headline);
    String p = Text.key(paragraph);
    return p.equals(h) || (p.startsWith(h) && p.charAt(h.length()) == ' ')
        || (h.startsWith(p) && h.charAt(p.length()) == ' ');
  }
}

package org.newsdesk.retrieval.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cleaning that needs only the article itself. A paragraph is dropped when it
 * <ul>
 *   <li>has no letter or digit ("×", "***");</li>
 *   <li>is a common piece of web chrome ("Remind me later.", "Read more", "Enjoying ad-free content?");</li>
 *   <li>matches one of the maintainer's {@code newsdesk.ingest.boilerplate-patterns} entirely;</li>
 *   <li>does not end like a sentence and is either very short ("Once", "Dear readers,", "See also:")
 *       or written in Title Case like a link or tag line ("Obama Urges Putin to Act", "Biden, Putin, War");</li>
 *   <li>repeats the headline, or repeats an earlier paragraph (a doubled caption is kept once);</li>
 *   <li>does not end like a sentence and is the beginning of another paragraph (a truncated caption).</li>
 * </ul>
 * A longer line without final punctuation that is none of these (a photo caption) is kept.
 */
final class ParagraphFilter {
  /** Lines this short without sentence punctuation are buttons, labels and stray words. */
  static final int STRAY_MAX_WORDS = 6;
  /** Title Case lines up to this long without sentence punctuation are links, tags or section labels. */
  static final int TITLE_LINE_MAX_WORDS = 20;

  /** Web chrome seen on news sites, compared by {@link Text#key}. */
  static final Set<String> CHROME = keys(
      "Enjoying ad-free content?", "Support us", "Support us.", "Remind me later", "Remind me later.",
      "Not ready to support today?", "Read more", "Read more.", "Read more:", "See also", "See also:", "No comments",
      "Comments", "Share this article", "Share this", "Share on Facebook", "Share on Twitter", "Share on X",
      "Advertisement", "Sponsored", "Continue reading", "Continue reading.", "Click here", "Subscribe",
      "Subscribe now", "Subscribe now.", "Sign up", "Sign up for our newsletter", "Sign up for our newsletter.",
      "Thank you for reading.", "Thanks for reading.", "Donate", "Donate now", "Donate now.", "Log in", "Login",
      "Register", "Skip to content", "Skip to main content", "Back to top", "Print", "Email", "Related",
      "Related articles", "Related stories", "Most read", "Most popular", "Trending", "Cookie settings",
      "Accept all cookies", "We use cookies", "Follow us", "Follow us on social media", "Listen to this article",
      "This article is more than 1 year old", "Photo", "Video", "Watch", "Loading", "Loading...", "Close",
      "Menu", "Search", "Newsletter", "Leave a comment", "Show comments", "Hide comments", "Next article",
      "Previous article", "Payment methods", "Paiment methods", "Become a member", "Already a subscriber?",
      "Already a member?", "Turn off your ad blocker", "Please disable your ad blocker.");

  /** No chrome phrase is longer; longer lines skip the phrase lookup. */
  private static final int CHROME_MAX_CHARS = 60;

  private final List<Pattern> patterns;

  ParagraphFilter(List<Pattern> patterns) {
    this.patterns = List.copyOf(patterns);
  }

  /** Whether one line on its own is web chrome (used to strip a banner above a headline). */
  boolean isChrome(String line) {
    return isCollapsedChrome(Text.collapseSpace(line));
  }

  private boolean isCollapsedChrome(String collapsed) {
    if (collapsed.length() <= CHROME_MAX_CHARS) {
      if (!Text.hasLetterOrDigit(collapsed) || CHROME.contains(Text.key(collapsed))) return true;
    }
    return !patterns.isEmpty() && matchesPattern(collapsed);
  }

  /** Whether a line without sentence punctuation is too short or too title-like to be reporting. */
  static boolean isStray(String collapsed) {
    if (Text.endsSentence(collapsed)) return false;
    int words = Text.wordCount(collapsed);
    if (words <= STRAY_MAX_WORDS) return true;
    return words <= TITLE_LINE_MAX_WORDS && Text.isTitleCase(collapsed);
  }

  /** The kept paragraphs, whitespace collapsed, in order. */
  List<String> filter(String title, List<String> paragraphs) {
    String titleKey = Text.key(title);
    List<String> kept = new ArrayList<>(paragraphs.size());
    Set<String> seen = new HashSet<>();
    boolean unfinished = false;
    for (String p : paragraphs) {
      String c = Text.collapseSpace(p);
      if (c.isEmpty() || isCollapsedChrome(c) || isStray(c)) continue;
      // Copies of a paragraph are almost always exact; the key comparison is for the rare near-copy.
      if (!seen.add(c)) continue;
      if (c.length() <= 2 * title.length() + 10 && Text.key(c).equals(titleKey)) continue;
      kept.add(c);
      unfinished |= !Text.endsSentence(c);
    }
    return unfinished ? dropNearCopiesAndTruncated(kept) : kept;
  }

  private boolean matchesPattern(String collapsed) {
    for (Pattern p : patterns) {
      if (p.matcher(collapsed).matches()) return true;
    }
    return false;
  }

  /**
   * Only when some paragraph lacks final punctuation (captions, cut-off lines): drop paragraphs
   * whose key repeats an earlier one, and lines without final punctuation that another
   * paragraph begins with (a truncated copy).
   */
  private static List<String> dropNearCopiesAndTruncated(List<String> kept) {
    List<String> keys = new ArrayList<>(kept.size());
    for (String p : kept) keys.add(Text.key(p));
    List<String> out = new ArrayList<>(kept.size());
    Set<String> seenKeys = new HashSet<>();
    for (int i = 0; i < kept.size(); i++) {
      String k = keys.get(i);
      if (!seenKeys.add(k)) continue;
      boolean truncated = false;
      if (!Text.endsSentence(kept.get(i))) {
        for (int j = 0; j < keys.size() && !truncated; j++) {
          String other = keys.get(j);
          truncated = j != i && other.length() > k.length() && other.startsWith(k) && other.charAt(k.length()) == ' ';
        }
      }
      if (!truncated) out.add(kept.get(i));
    }
    return out;
  }

  private static Set<String> keys(String... phrases) {
    Set<String> out = new HashSet<>();
    for (String p : phrases) out.add(Text.key(p));
    return Set.copyOf(out);
  }
}

package org.newsdesk.retrieval.answer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsdesk.retrieval.ingest.Span;

/**
 * The dateline that opens a wire report's first sentence ("WASHINGTON (AP) — The Senate voted…"):
 * an answer quotes the sentence from after it, since it dates its claims itself and the place is
 * rarely what was asked. The sentence is still ranked whole.
 */
final class Dateline {
  /**
   * A place in capitals, perhaps its state or country after a comma and the agency in brackets,
   * then a dash ("WASHINGTON (AP) — ", "NEW YORK – ", "BANGUI, Central African Republic (AP) — "),
   * before a sentence that starts as one does; not an acronym that opens an aside ("NATO — the
   * alliance — met") nor "U.S. – China talks".
   */
  private static final Pattern DATELINE = Pattern.compile(
      "\\p{Lu}{2}[\\p{Lu}.'’-]*(?: [\\p{Lu}.'’-]{2,})*(?:,(?: \\p{Lu}[\\p{L}.'’-]*)+)?(?: \\(\\p{L}+\\))? ?[—–−-]+ +"
          + "(?=[\\p{Lu}\\d\"“‘'])");

  private Dateline() {}

  /** {@code sentence} of {@code text} less the dateline that opens it, if one does. */
  static Span skip(String text, Span sentence) {
    Matcher m = DATELINE.matcher(text).region(sentence.start(), sentence.end());
    return m.lookingAt() ? new Span(m.end(), sentence.end()) : sentence;
  }
}

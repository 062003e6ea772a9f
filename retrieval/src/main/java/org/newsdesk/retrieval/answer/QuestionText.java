package org.newsdesk.retrieval.answer;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a reader typed, reduced to the question in it: greetings, thanks and politeness around the
 * question ("Hi! ...", "Thanks! And ...", "Could you tell me ...", "..., please") and stray markup
 * (HTML tags, Markdown emphasis, quoting, emoji) are removed, so they never count against it, a
 * question typed in capitals is read in small letters (its words are no acronyms), and a mistyped
 * question word that opens it is read as meant ("wen", "wat"). What is left keeps the reader's
 * words and order; an opening "And" stays, since it marks a follow-up.
 */
final class QuestionText {
  private static final Pattern TAGS = Pattern.compile("<[^<>]{1,200}>");
  private static final Pattern MARKDOWN = Pattern.compile("[*_`~]+|^\\s*>+\\s*", Pattern.MULTILINE);
  private static final String END = "[\\s,.!:;?…\\-–—]*";
  /** Pleasantries that may open a message, one or several ("Hi there, thanks! ..."). */
  private static final Pattern OPENING = Pattern.compile("^(?:(?:hi|hello|hey|hiya|howdy|yo|greetings|good (?:morning|afternoon|evening|day)"
      + "|(?:many )?thanks(?: a lot| so much| again)?|thank you(?: so much| very much| again)?|thx|ty|cheers|ok|okay|great|cool|nice"
      + "|perfect|sorry|excuse me|please|pls|dear \\p{L}+|(?:one )?(?:more|another|quick) question|newsdesk|bot)(?:\\s+there)?" + END + ")+",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  /** Polite frames around a question: "can you tell me", "do you know", "I'd like to know". */
  private static final Pattern FRAME = Pattern.compile("^(?:(?:so|and|also|now|then|well)\\s+)?(?:(?:can|could|would|will) you(?: please)?"
      + " (?:tell|show|let) me(?: know)?|(?:do|does) (?:you|anyone|anybody) know|i (?:want|would like|'d like|wanted|wonder|was wondering)"
      + "(?: to know)?|i(?:'m| am) (?:curious|wondering)(?: about)?|tell me|please tell me|let me know)(?: about)?(?: if| whether)?" + END,
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern CLOSING = Pattern.compile("(?:[\\s,.!;:-]+(?:please|pls|thanks|thank you|thx|cheers|ty)(?: (?:so|very) much)?)+"
      + "[\\s.!?]*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern SPACES = Pattern.compile("\\s+");
  /** Emoji and other pictographs, with the joiners, selectors and skin tones that build them up. */
  private static final Pattern PICTOGRAPHS = Pattern.compile("[\\p{So}\\p{Sk}\\x{FE0F}\\x{200D}\\x{20E3}]+");
  /** Two words of capitals in a text without a small letter: "WHEN WILL THE TRAM OPEN??", not "NATO?". */
  private static final Pattern SHOUTED = Pattern.compile("^[^\\p{Ll}]*\\p{Lu}{2,}[^\\p{L}]+\\p{Lu}{2,}[^\\p{Ll}]*$");
  /** Question words as they are often mistyped, read as meant when they open the question ("wen will…"). */
  private static final Map<String, String> MISTYPED = Map.ofEntries(Map.entry("wat", "what"), Map.entry("wht", "what"),
      Map.entry("waht", "what"), Map.entry("whta", "what"), Map.entry("wen", "when"), Map.entry("whn", "when"),
      Map.entry("wehn", "when"), Map.entry("wher", "where"), Map.entry("whre", "where"), Map.entry("wich", "which"),
      Map.entry("whcih", "which"), Map.entry("whihc", "which"), Map.entry("wy", "why"), Map.entry("hw", "how"));
  private static final Pattern FIRST_WORD = Pattern.compile("^(?:and\\s+)?(\\p{L}+)\\b", Pattern.CASE_INSENSITIVE);

  private QuestionText() {}

  /** The question in {@code raw}; empty when the message held nothing but pleasantries or markup. */
  static String clean(String raw) {
    if (raw == null) return "";
    String s = TAGS.matcher(raw).replaceAll(" ");
    s = MARKDOWN.matcher(s).replaceAll("");
    s = PICTOGRAPHS.matcher(s).replaceAll(" ");
    if (SHOUTED.matcher(s).matches()) s = s.toLowerCase(Locale.ROOT);
    s = SPACES.matcher(s).replaceAll(" ").strip();
    String before;
    do {
      before = s;
      s = strip(OPENING, s);
      s = strip(FRAME, s);
    } while (!s.equals(before));
    Matcher closing = CLOSING.matcher(s);
    if (closing.find() && closing.start() > 0) {
      String end = s.substring(closing.start()).contains("?") ? "?" : "";
      s = s.substring(0, closing.start()).strip() + end;
    }
    return retyped(s.replaceFirst("^[\\s,.!:;?]+", "").strip());
  }

  private static String retyped(String question) {
    Matcher first = FIRST_WORD.matcher(question);
    if (!first.find()) return question;
    String meant = MISTYPED.get(first.group(1).toLowerCase(Locale.ROOT));
    if (meant == null) return question;
    if (Character.isUpperCase(first.group(1).charAt(0))) {
      meant = Character.toUpperCase(meant.charAt(0)) + meant.substring(1);
    }
    return question.substring(0, first.start(1)) + meant + question.substring(first.end(1));
  }

  private static String strip(Pattern p, String s) {
    Matcher m = p.matcher(s);
    if (!m.find() || m.end() == 0) return s;
    return s.substring(m.end()).strip();
  }
}

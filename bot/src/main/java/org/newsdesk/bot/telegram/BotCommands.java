package org.newsdesk.bot.telegram;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.newsdesk.bot.log.ModerationLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slash commands and who may use them: {@code /start /help /sources} for everyone,
 * {@code /review /show /flag /hide /note} for moderators, {@code /reindex /stats} for
 * maintainers. Replies are plain text; a refused attempt is logged with the user and command.
 */
final class BotCommands {
  private static final Logger log = LoggerFactory.getLogger(BotCommands.class);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final Set<String> MODERATOR = Set.of("review", "show", "flag", "hide", "note");
  private static final Set<String> MAINTAINER = Set.of("reindex", "stats");
  static final int REVIEW_LINES = 15;

  private final Set<Long> moderators;
  private final Set<Long> maintainers;
  private final ModerationLog moderation;
  private final Library library;
  private final LongSupplier clock;

  BotCommands(Set<Long> moderators, Set<Long> maintainers, ModerationLog moderation, Library library, LongSupplier clock) {
    this.moderators = Set.copyOf(moderators);
    this.maintainers = Set.copyOf(maintainers);
    this.moderation = moderation;
    this.library = library;
    this.clock = clock;
  }

  /** The reply to {@code /name args} from {@code userId}; empty for an unknown command outside a private chat. */
  Optional<String> reply(String name, String args, long userId, boolean privateChat) {
    if (MODERATOR.contains(name) && !moderators.contains(userId)
        || MAINTAINER.contains(name) && !maintainers.contains(userId)) {
      log.atInfo().addKeyValue("userId", userId).addKeyValue("command", name).log("command refused");
      return Optional.of(TelegramReplies.REFUSED);
    }
    String moderator = "telegram:" + userId;
    return switch (name) {
      case "start" -> Optional.of(TelegramReplies.START);
      case "help" -> Optional.of(TelegramReplies.HELP);
      case "sources" -> Optional.of(sources());
      case "review" -> Optional.of(review());
      case "show" -> Optional.of(withId(name, args, id -> moderation.show(id).map(BotCommands::entry)
          .orElse(noSuch(id))));
      case "flag" -> Optional.of(withId(name, args, id -> moderation.flag(id, moderator)
          ? "Answer #" + id + " flagged." : noSuch(id)));
      case "hide" -> Optional.of(withId(name, args, id -> moderation.hide(id, moderator, TelegramReplies.HIDDEN_NOTICE)
          .map(n -> "Answer #" + id + " hidden; " + n + (n == 1 ? " message" : " messages")
              + " will be replaced with a notice within a few seconds.")
          .orElse(noSuch(id))));
      case "note" -> Optional.of(note(args, moderator));
      case "reindex" -> Optional.of(library.reindex());
      case "stats" -> Optional.of(stats());
      default -> privateChat ? Optional.of(TelegramReplies.UNKNOWN_COMMAND) : Optional.empty();
    };
  }

  private String sources() {
    Library.SourcesInfo s = library.sources();
    if (s.articles() == 0) return "I don't have any articles yet.";
    String range = s.earliest().isPresent() && s.latest().isPresent()
        ? ", published " + range(s.earliest().get(), s.latest().get())
        : ", none of them dated";
    String reindexed = s.lastReindex().map(t -> "Last reindexed " + TIME.format(t) + ".").orElse("Not reindexed yet.");
    return "I know " + s.articles() + (s.articles() == 1 ? " article" : " articles") + range + ".\n" + reindexed;
  }

  private static String range(LocalDate from, LocalDate to) {
    return from.equals(to) ? "on " + from : "from " + from + " to " + to;
  }

  private String review() {
    List<ModerationLog.ReviewItem> items = moderation.review(REVIEW_LINES);
    if (items.isEmpty()) return "Nothing needs a look right now.";
    StringBuilder b = new StringBuilder("Answers that need a look (newest first; /show N for one):");
    for (ModerationLog.ReviewItem i : items) {
      b.append("\n#").append(i.answerId()).append(' ').append(TIME.format(Instant.ofEpochMilli(i.askedAt())));
      if (i.downVotes() > 0) b.append(" · 👎").append(i.downVotes());
      if (i.flagged()) b.append(" · flagged");
      if (i.notFound()) b.append(" · not found");
      if (i.unsupported() > 0) b.append(" · ").append(i.unsupported()).append(" unsupported");
      if (i.state().equals("failed")) b.append(" · failed");
      b.append(" · \"").append(shorten(i.question(), 80)).append('"');
    }
    return b.toString();
  }

  private static String entry(ModerationLog.Entry e) {
    StringBuilder b = new StringBuilder();
    b.append("Answer #").append(e.answerId()).append(" (update ").append(e.updateId()).append(")\n");
    b.append("Asked ").append(TIME.format(Instant.ofEpochMilli(e.askedAt()))).append(" by user ").append(e.userId())
        .append(" in ").append(e.chatType()).append(" chat ").append(e.chatId()).append('\n');
    b.append("State: ").append(e.state());
    if (e.answered() != null) b.append(e.answered() ? ", answered" : ", not found");
    if (e.mode() != null) b.append(", mode ").append(e.mode());
    if (e.latencyMs() != null) b.append(", ").append(e.latencyMs()).append(" ms");
    if (e.flagged()) b.append(", flagged");
    if (e.hidden()) b.append(", hidden");
    if (e.incidentId() != null) b.append(", incident ").append(e.incidentId());
    b.append("\nFeedback: 👍").append(e.up()).append(" 👎").append(e.down());
    b.append("\n\nQuestion: ").append(e.question());
    if (e.query() != null && !e.query().equals(e.question())) b.append("\nSearched: ").append(e.query());
    if (e.notice() != null) b.append("\nNotice: ").append(e.notice());
    if (e.answerText() != null) b.append("\n\nAnswer as sent:\n").append(e.answerText());
    if (!e.citations().isEmpty()) b.append("\n\nCitations:\n").append(String.join("\n", e.citations()));
    if (!e.checks().isEmpty()) b.append("\n\nSentence checks:\n").append(String.join("\n", e.checks()));
    if (!e.actions().isEmpty()) b.append("\n\nModeration:\n").append(String.join("\n", e.actions()));
    return b.toString();
  }

  private String note(String args, String moderator) {
    String[] parts = args.split("\\s+", 2);
    if (parts.length < 2 || parts[1].isBlank() || !parts[0].matches("\\d{1,18}")) {
      return "Usage: /note N text (N is the answer id shown by /review).";
    }
    long id = Long.parseLong(parts[0]);
    return moderation.note(id, moderator, parts[1].strip()) ? "Note added to answer #" + id + "." : noSuch(id);
  }

  private String stats() {
    long midnight = LocalDate.ofInstant(Instant.ofEpochMilli(clock.getAsLong()), ZoneOffset.UTC)
        .atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    ModerationLog.Stats s = moderation.stats(midnight);
    return "Today (UTC): " + s.questions() + " questions, " + s.answered() + " answered, " + s.notFound()
        + " not found, " + s.failed() + " failed.\nFeedback today: 👍 " + s.up() + " / 👎 " + s.down() + ".";
  }

  private interface IdCommand {
    String run(long id);
  }

  private static String withId(String name, String args, IdCommand command) {
    String a = args.strip().replaceFirst("^#", "");
    if (!a.matches("\\d{1,18}")) return "Usage: /" + name + " N (N is the answer id shown by /review).";
    return command.run(Long.parseLong(a));
  }

  private static String noSuch(long id) {
    return "There is no answer #" + id + ".";
  }

  private static String shorten(String s, int max) {
    String flat = s.replaceAll("\\s+", " ").strip();
    return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
  }
}

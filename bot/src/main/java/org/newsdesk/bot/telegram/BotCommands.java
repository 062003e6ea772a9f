package org.newsdesk.bot.telegram;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.newsdesk.bot.review.AnswerDetail;
import org.newsdesk.bot.review.InsightsReport;
import org.newsdesk.bot.review.Moderation;
import org.newsdesk.bot.review.QueueFilter;
import org.newsdesk.bot.review.QueueRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slash commands and who may use them: {@code /start /help /sources} for everyone,
 * {@code /review /show /flag /hide /note} for moderators, {@code /reindex /stats} for
 * maintainers. The team's commands answer in a private chat only: they show readers' questions,
 * so in a group anyone gets the same short pointer to the private chat, which says nothing about
 * them or the log. Replies are blocks sent as Telegram HTML, text from users and articles escaped;
 * a refused attempt is logged with the user and command. The moderators' commands are a door to
 * {@link Moderation}, the service behind the review page too: this class only parses the command
 * and words the reply.
 */
final class BotCommands {
  private static final Logger log = LoggerFactory.getLogger(BotCommands.class);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final Set<String> MODERATOR = Set.of("review", "show", "flag", "hide", "note");
  private static final Set<String> MAINTAINER = Set.of("reindex", "stats");
  static final int REVIEW_LINES = 15;

  private final Set<Long> moderators;
  private final Set<Long> maintainers;
  private final Moderation moderation;
  private final Library library;
  private final LongSupplier clock;
  private final String botUsername;

  BotCommands(Set<Long> moderators, Set<Long> maintainers, Moderation moderation, Library library, LongSupplier clock,
              String botUsername) {
    this.moderators = Set.copyOf(moderators);
    this.maintainers = Set.copyOf(maintainers);
    this.moderation = moderation;
    this.library = library;
    this.clock = clock;
    this.botUsername = botUsername;
  }

  /** The reply to {@code /name args} from {@code userId}; empty for an unknown command outside a private chat. */
  Optional<List<Block>> reply(String name, String args, long userId, boolean privateChat) {
    boolean team = MODERATOR.contains(name) || MAINTAINER.contains(name);
    if (team && !privateChat) {
      log.atInfo().addKeyValue("userId", userId).addKeyValue("command", name).log("team command outside a private chat");
      return text(TelegramReplies.teamCommandsInPrivate(botUsername));
    }
    if (MODERATOR.contains(name) && !moderators.contains(userId)
        || MAINTAINER.contains(name) && !maintainers.contains(userId)) {
      log.atInfo().addKeyValue("userId", userId).addKeyValue("command", name).log("command refused");
      return text(TelegramReplies.REFUSED);
    }
    String moderator = "telegram:" + userId;
    return switch (name) {
      case "start" -> text(TelegramReplies.START);
      case "help" -> text(TelegramReplies.HELP);
      case "sources" -> text(sources());
      case "review" -> Optional.of(review());
      case "show" -> Optional.of(withId(name, args, id -> moderation.answer(id).map(BotCommands::entry)
          .orElse(noSuch(id))));
      case "flag" -> Optional.of(withId(name, args, id -> moderation.act(id, Moderation.Action.FLAG, moderator, null)
          .map(o -> TelegramReplies.text("Answer #" + id + " flagged.")).orElse(noSuch(id))));
      case "hide" -> Optional.of(withId(name, args, id -> hide(id, moderator)));
      case "note" -> Optional.of(note(args, moderator));
      case "reindex" -> text(library.reindex());
      case "stats" -> text(stats());
      default -> privateChat ? text(TelegramReplies.UNKNOWN_COMMAND) : Optional.empty();
    };
  }

  private static Optional<List<Block>> text(String text) {
    return Optional.of(TelegramReplies.text(text));
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

  private List<Block> review() {
    List<QueueRow> rows = moderation.queue(QueueFilter.needingLook(), Optional.empty(), REVIEW_LINES).rows();
    if (rows.isEmpty()) return TelegramReplies.text("Nothing needs a look right now.");
    StringBuilder b = new StringBuilder(" (newest first; /show N for one):");
    for (QueueRow r : rows) {
      b.append("\n#").append(r.id()).append(' ').append(TIME.format(r.askedAt()));
      if (r.thumbsDown() > 0) b.append(" · 👎").append(r.thumbsDown());
      if (r.flagged()) b.append(" · flagged");
      if (r.answered().equals(Optional.of(false))) b.append(" · not found");
      if (r.unsupported() > 0) b.append(" · ").append(r.unsupported()).append(" unsupported");
      if (r.state().equals("failed")) b.append(" · failed");
      b.append(" · \"").append(shorten(r.question(), 80)).append('"');
    }
    return List.of(Block.of(Block.Span.bold("Answers that need a look"), Block.Span.plain(b.toString())));
  }

  /** One answer in full: what the reader asked and was sent (with its formatting), the evidence, the history. */
  private static List<Block> entry(AnswerDetail a) {
    QueueRow s = a.summary();
    List<Block> blocks = new ArrayList<>();
    StringBuilder head = new StringBuilder();
    head.append(" (update ").append(a.updateId()).append(")\n");
    head.append("Asked ").append(TIME.format(s.askedAt())).append(" by user ").append(a.userId())
        .append(" in ").append(s.chatType()).append(" chat ").append(a.chatId()).append('\n');
    head.append("State: ").append(s.state());
    s.answered().ifPresent(answered -> head.append(answered ? ", answered" : ", not found"));
    if (!s.mode().isEmpty()) head.append(", mode ").append(s.mode());
    if (!a.latency().isEmpty()) head.append(", ").append(a.latency());
    if (s.flagged()) head.append(", flagged");
    if (s.hidden()) head.append(", hidden");
    if (!a.incidentId().isEmpty()) head.append(", incident ").append(a.incidentId());
    if (!a.refusal().isEmpty()) head.append(", refused: ").append(a.refusal());
    head.append("\nFeedback: 👍").append(s.thumbsUp()).append(" 👎").append(s.thumbsDown());
    blocks.add(Block.of(Block.Span.bold("Answer #" + s.id()), Block.Span.plain(head.toString())));

    StringBuilder asked = new StringBuilder(": ").append(a.question());
    if (!a.query().isEmpty() && !a.query().equals(a.question())) asked.append("\nSearched: ").append(a.query());
    if (!a.notice().isEmpty()) asked.append("\nNotice: ").append(a.notice());
    blocks.add(Block.of(Block.Span.bold("Question"), Block.Span.plain(asked.toString())));

    if (!a.answerText().isEmpty()) {
      blocks.add(Block.of(Block.Span.bold("Answer as sent")));
      blocks.addAll(StoredHtml.blocks(a.answerText()));
    }
    if (!a.citations().isEmpty()) {
      List<Block.Span> spans = new ArrayList<>();
      spans.add(Block.Span.bold("Citations"));
      for (AnswerDetail.Citation c : a.citations()) {
        spans.add(Block.Span.plain("\n[" + c.n() + "] "));
        spans.add(Block.Span.bold(c.title().isBlank() ? "Untitled" : c.title()));
        spans.add(Block.Span.plain(" (" + c.articleId() + "#" + c.passageOrdinal() + ", score "
            + String.format(Locale.ROOT, "%.3f", c.score()) + (c.supported() ? ", supported" : ", NOT supported")
            + "): " + c.quote()));
      }
      blocks.add(new Block(spans));
    }
    if (!a.sentences().isEmpty()) {
      StringBuilder b = new StringBuilder();
      for (AnswerDetail.Sentence x : a.sentences()) {
        b.append('\n').append(x.supported() ? "ok " : "UNSUPPORTED ")
            .append(String.format(Locale.ROOT, "%.2f", x.support())).append(" [").append(x.cited()).append("] ")
            .append(x.sentence());
      }
      blocks.add(Block.of(Block.Span.bold("Sentence checks"), Block.Span.plain(b.toString())));
    }
    if (!a.actions().isEmpty()) {
      StringBuilder b = new StringBuilder();
      for (AnswerDetail.Action x : a.actions()) {
        b.append('\n').append(x.action()).append(" by ").append(x.moderator())
            .append(x.note().isEmpty() ? "" : ": " + x.note());
      }
      blocks.add(Block.of(Block.Span.bold("Moderation"), Block.Span.plain(b.toString())));
    }
    return blocks;
  }

  private List<Block> hide(long id, String moderator) {
    return moderation.act(id, Moderation.Action.HIDE, moderator, null).map(o -> {
      if (!o.changed()) {
        return TelegramReplies.text("Answer #" + id + " was already hidden; its messages were queued for the notice then.");
      }
      int n = o.editsQueued();
      return TelegramReplies.text("Answer #" + id + " hidden; " + n + (n == 1 ? " message" : " messages")
          + " will be replaced with a notice within a few seconds.");
    }).orElse(noSuch(id));
  }

  private List<Block> note(String args, String moderator) {
    String[] parts = args.split("\\s+", 2);
    if (parts.length < 2 || parts[1].isBlank() || !parts[0].matches("\\d{1,18}")) {
      return TelegramReplies.text("Usage: /note N text (N is the answer id shown by /review).");
    }
    long id = Long.parseLong(parts[0]);
    return moderation.act(id, Moderation.Action.NOTE, moderator, parts[1])
        .map(o -> TelegramReplies.text("Note added to answer #" + id + ".")).orElse(noSuch(id));
  }

  private String stats() {
    LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(clock.getAsLong()), ZoneOffset.UTC);
    InsightsReport.Day d = moderation.day(today);
    return "Today (UTC): " + d.questions() + " questions, " + d.answered() + " answered, " + d.notFound()
        + " not found, " + d.failed() + " failed" + (d.refused() > 0 ? ", " + d.refused() + " refused" : "")
        + ".\nFeedback today: 👍 " + d.thumbsUp() + " / 👎 " + d.thumbsDown() + ".";
  }

  private interface IdCommand {
    List<Block> run(long id);
  }

  private static List<Block> withId(String name, String args, IdCommand command) {
    String a = args.strip().replaceFirst("^#", "");
    if (!a.matches("\\d{1,18}")) return TelegramReplies.text("Usage: /" + name + " N (N is the answer id shown by /review).");
    return command.run(Long.parseLong(a));
  }

  private static List<Block> noSuch(long id) {
    return TelegramReplies.text("There is no answer #" + id + ".");
  }

  private static String shorten(String s, int max) {
    String flat = s.replaceAll("\\s+", " ").strip();
    return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
  }
}

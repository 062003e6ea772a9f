package org.newsdesk.bot.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.newsdesk.bot.log.AnswerLog;
import org.newsdesk.bot.log.LogDatabase;
import org.newsdesk.config.AnswerMode;
import org.newsdesk.config.LogConfig;
import org.newsdesk.config.Secret;
import org.newsdesk.config.TelegramConfig;
import org.newsdesk.retrieval.answer.Answer;

/**
 * A bot in its own JVM, for the kill test: answers every question with a reply of three messages,
 * on the Bot API at {@code args[0]}, logging to the answer log at JDBC URL {@code args[1]} (as user
 * {@code args[2]} when given); prints "polling" once it polls, then runs until it is killed.
 */
public final class ServeChild {
  private ServeChild() {}

  /** The three paragraphs of the answer to {@code question}; each fills one message of its own. */
  static List<String> paragraphs(String question) {
    return List.of(1, 2, 3).stream()
        .map(n -> "[" + question + "] part " + n + ": " + "words ".repeat(500).strip() + ".")
        .toList();
  }

  public static void main(String[] args) throws Exception {
    LogDatabase db = new LogDatabase(new LogConfig(args[1], args.length > 2 ? Optional.of(args[2]) : Optional.empty(),
        Optional.empty())).migrate();
    AnswerLog log = new AnswerLog(db, "child-" + ProcessHandle.current().pid());
    TelegramConfig config = new TelegramConfig(URI.create(args[0]), Optional.of(new Secret(BotFixture.TOKEN)),
        Set.of(), Set.of(), 200, 1000, Duration.ofSeconds(5));
    TelegramBot.start(config, BotFixture.timing(), log, (conversation, question) -> new Answer(true,
        String.join("\n\n", paragraphs(question)), AnswerMode.EXTRACTIVE, List.of(), List.of(), List.of(),
        Optional.empty(), question), new Fakes.FakeLibrary());
    System.out.println("polling");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}

package org.newsdesk.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import java.io.OutputStream;
import java.io.PrintStream;
import org.newsdesk.bot.Newsdesk;
import org.newsdesk.bot.log.AnswerLog;
import org.newsdesk.bot.log.LogDatabase;
import org.newsdesk.bot.telegram.Library;
import org.newsdesk.bot.telegram.TelegramBot;
import org.newsdesk.config.AnswerMode;
import org.newsdesk.config.LogConfig;
import org.newsdesk.config.NewsdeskConfig;
import org.newsdesk.config.Secret;
import org.newsdesk.config.TelegramConfig;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.answer.Answer;
import org.newsdesk.retrieval.answer.Answerer;
import org.newsdesk.retrieval.answer.Citation;
import org.newsdesk.retrieval.answer.SentenceCheck;
import org.newsdesk.retrieval.search.ScoredPassage;
import org.newsdesk.testkit.BotApiStandIn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newsdesk bench bot}: the running bot against the Bot API stand-in on loopback, with
 * the real TelegramBots client, long polling and a SQLite answer log. Measures the time from an
 * update becoming available to {@code getUpdates} until its reply reaches the server.
 */
@Command(name = "bot", mixinStandardHelpOptions = true,
    description = "Bot latency and throughput through a loopback Bot API stand-in.")
public final class BenchBotCommand implements Callable<Integer> {
  private static final String TOKEN = "100200300:benchTOKENbenchTOKENbenchTOKEN";

  @Option(names = "--singles", defaultValue = "300", description = "Questions asked one at a time (default ${DEFAULT-VALUE}).")
  int singles;

  @Option(names = "--chats", defaultValue = "100", description = "Chats asking at once (default ${DEFAULT-VALUE}).")
  int chats;

  @Option(names = "--per-chat", defaultValue = "5", description = "Questions each of those chats asks (default ${DEFAULT-VALUE}).")
  int perChat;

  @Option(names = "--answer-ms", defaultValue = "3", description = "Time the stand-in answerer takes per question (default ${DEFAULT-VALUE}).")
  int answerMillis;

  @Option(names = "--articles", paramLabel = "DIR",
      description = "Index this folder and answer with the real extractive answerer instead of the timed stand-in.")
  Path articles;

  @Option(names = "--question", defaultValue = "When was the river bridge approved?",
      description = "The question asked (default: ${DEFAULT-VALUE}).")
  String question;

  @Override
  public Integer call() throws Exception {
    Path dir = Files.createTempDirectory("newsdesk-bench-bot");
    Answerer answerer = new TimedAnswerer(answerMillis);
    String answererName = "stand-in, " + answerMillis + " ms per question, 2 citations";
    Newsdesk app = null;
    if (articles != null) {
      app = Newsdesk.of(NewsdeskConfig.load(Map.of(), Map.of("newsdesk.articles", articles.toString(),
          "newsdesk.data", dir.toString(), "newsdesk.answer.mode", AnswerMode.EXTRACTIVE.label())))
          .indexed(true, new PrintStream(OutputStream.nullOutputStream()));
      answerer = app.answerer();
      answererName = "extractive over " + articles;
    }
    try (BotApiStandIn api = new BotApiStandIn(TOKEN)) {
      LogDatabase db = new LogDatabase(new LogConfig("jdbc:sqlite:" + dir.resolve("answers.db"), Optional.empty(),
          Optional.empty())).migrate();
      TelegramConfig config = new TelegramConfig(api.url(), Optional.of(new Secret(TOKEN)), Set.of(), Set.of(),
          1000, 1000, Duration.ofSeconds(30));
      try (AnswerLog log = new AnswerLog(db, "bench");
           TelegramBot bot = TelegramBot.start(config, TelegramBot.Timing.defaults(), log, answerer,
               new EmptyLibrary())) {
        long chat = 1;
        for (int i = 0; i < 50; i++) ask(api, chat++, question); // warm-up

        List<Long> single = new ArrayList<>();
        for (int i = 0; i < singles; i++) single.add(ask(api, chat++, question));

        long firstChat = chat;
        List<Long> updates = new ArrayList<>();
        long start = System.nanoTime();
        for (int q = 0; q < perChat; q++) {
          for (int c = 0; c < chats; c++) {
            updates.add(api.text(firstChat + c, "private", firstChat + c, question));
          }
        }
        int total = chats * perChat;
        api.await(a -> a.messages().size() >= 50 + singles + total, Duration.ofMinutes(5));
        long elapsed = api.messages().stream().mapToLong(BotApiStandIn.SentMessage::sentAtNanos).max().orElseThrow() - start;
        List<Long> loaded = new ArrayList<>();
        for (int c = 0; c < chats; c++) {
          List<BotApiStandIn.SentMessage> replies = api.messages(firstChat + c);
          for (int q = 0; q < perChat; q++) {
            long update = updates.get(q * chats + c);
            loaded.add(replies.get(q).sentAtNanos() - api.queuedAtNanos(update));
          }
        }
        System.gc();
        Thread.sleep(200);
        long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();

        System.out.printf("newsdesk bench bot   %s   answerer: %s%n", Instant.now().toString().substring(0, 10),
            answererName);
        System.out.printf("%-44s %10s %10s %10s%n", "measure", "p50 ms", "p99 ms", "max ms");
        row("single questions (" + singles + ", one at a time)", single);
        row("under load (" + chats + " chats x " + perChat + " at once)", loaded);
        System.out.printf("%-44s %10.0f%n", "questions answered per second (load)", total / (elapsed / 1e9));
        System.out.printf("%-44s %10.1f%n", "heap after load, after GC (MB)", heap / 1048576.0);
        String first = api.messages(1).get(0).text();
        System.out.println("first reply: " + first.substring(0, Math.min(160, first.length())).replace('\n', ' '));
        return 0;
      }
    } finally {
      if (app != null) app.close();
      try (var files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Asks in a fresh chat and waits for the reply; the update-to-reply time in nanoseconds. */
  private static long ask(BotApiStandIn api, long chat, String question) {
    long update = api.text(chat, "private", chat, question);
    api.await(a -> !a.messages(chat).isEmpty(), Duration.ofSeconds(30));
    return api.messages(chat).get(0).sentAtNanos() - api.queuedAtNanos(update);
  }

  private static void row(String name, List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    System.out.printf("%-44s %10.1f %10.1f %10.1f%n", name, ms(sorted, 0.50), ms(sorted, 0.99),
        sorted.get(sorted.size() - 1) / 1e6);
  }

  private static double ms(List<Long> sorted, double q) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
  }

  /** Stands in for the extractive answerer: takes a fixed time and returns a two-source answer. */
  private record TimedAnswerer(int millis) implements Answerer {
    private static final Passage P1 = new Passage("bench-1", 0, "Council backs river bridge",
        "Councillors voted to approve the river bridge. Building begins in spring.",
        Optional.of(URI.create("https://example.org/bridge")), Optional.of(LocalDate.of(2024, 3, 12)),
        Optional.of("Riverside Gazette"), 0, 74);
    private static final Passage P2 = new Passage("bench-2", 3, "Bridge costs questioned", "Opponents say the cost doubled.",
        Optional.empty(), Optional.empty(), Optional.empty(), 100, 131);

    @Override
    public Answer answer(String conversationId, String question) {
      LockSupport.parkNanos(millis * 1_000_000L);
      return new Answer(true, "Councillors approved the river bridge in March [1]. Opponents say its cost doubled [2].",
          AnswerMode.EXTRACTIVE,
          List.of(new Citation(1, P1, "Councillors voted to approve the river bridge.", 0, 46, true, 8.1f),
              new Citation(2, P2, "Opponents say the cost doubled.", 100, 131, true, 5.2f)),
          List.of(new SentenceCheck("Councillors approved the river bridge in March [1].", List.of(1), 0.8, true),
              new SentenceCheck("Opponents say its cost doubled [2].", List.of(2), 0.9, true)),
          List.of(new ScoredPassage(P1, 8.1f), new ScoredPassage(P2, 5.2f)), Optional.empty(), question);
    }
  }

  private static final class EmptyLibrary implements Library {
    @Override
    public String reindex() {
      return "nothing to reindex";
    }

    @Override
    public SourcesInfo sources() {
      return new SourcesInfo(2, Optional.empty(), Optional.empty(), Optional.empty());
    }
  }
}

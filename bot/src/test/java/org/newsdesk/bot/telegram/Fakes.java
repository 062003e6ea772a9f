package org.newsdesk.bot.telegram;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.newsdesk.config.AnswerMode;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.answer.Answer;
import org.newsdesk.retrieval.answer.Answerer;
import org.newsdesk.retrieval.answer.Citation;
import org.newsdesk.retrieval.answer.SentenceCheck;
import org.newsdesk.retrieval.search.ScoredPassage;

/** Hand-written fakes of the answerer and the library, and a sample cited answer. */
final class Fakes {
  private Fakes() {}

  static final Passage BRIDGE = new Passage("gazette-bridge", 0, "Council backs river bridge",
      "The council voted 7 to 2 to approve the bridge. Work starts in May.",
      Optional.of(URI.create("https://example.org/bridge?id=1&x=2")), Optional.of(LocalDate.of(2024, 3, 12)),
      Optional.of("Riverside Gazette"), 0, 68);

  /** "The council approved ... [1]." citing {@link #BRIDGE}. */
  static Answer bridgeAnswer(String question) {
    Citation c = new Citation(1, BRIDGE, "The council voted 7 to 2 to approve the bridge.", 0, 48, true, 0.91f);
    return new Answer(true, "The council approved the new bridge in March [1].", AnswerMode.EXTRACTIVE, List.of(c),
        List.of(new SentenceCheck("The council approved the new bridge in March [1].", List.of(1), 0.83, true)),
        List.of(new ScoredPassage(BRIDGE, 7.5f)), Optional.empty(), question);
  }

  static Answer notFound(String question) {
    return new Answer(false, Answer.NOT_FOUND, AnswerMode.EXTRACTIVE, List.of(), List.of(), List.of(),
        Optional.empty(), question);
  }

  /** Answers with a function of the question; remembers what it was asked, in order. */
  static final class ScriptedAnswerer implements Answerer {
    private final Function<String, Answer> script;
    private final List<String> asked = new ArrayList<>();

    ScriptedAnswerer(Function<String, Answer> script) {
      this.script = script;
    }

    private final List<LocalDate> days = new ArrayList<>();

    @Override
    public Answer answer(String conversationId, String question) {
      synchronized (asked) {
        asked.add(conversationId + " " + question);
      }
      return script.apply(question);
    }

    @Override
    public Answer answer(String conversationId, String question, LocalDate askedOn) {
      synchronized (asked) {
        days.add(askedOn);
      }
      return answer(conversationId, question);
    }

    List<String> asked() {
      synchronized (asked) {
        return List.copyOf(asked);
      }
    }

    /** The day each question was asked on, for the answerers that were told. */
    List<LocalDate> days() {
      synchronized (asked) {
        return List.copyOf(days);
      }
    }
  }

  /** A library of five articles that counts its reindexes; a reindex throws {@code failure} when it is set. */
  static final class FakeLibrary implements Library {
    int reindexes;
    volatile RuntimeException failure;

    @Override
    public synchronized String reindex() {
      if (failure != null) throw failure;
      reindexes++;
      return "Reindexed samples: 1 indexed, 4 unchanged, 0 deleted, 0 rejected.";
    }

    @Override
    public Library.SourcesInfo sources() {
      return new Library.SourcesInfo(5, Optional.of(LocalDate.of(2014, 3, 1)), Optional.of(LocalDate.of(2024, 5, 2)),
          Optional.of(Instant.parse("2025-01-02T10:15:00Z")));
    }
  }
}

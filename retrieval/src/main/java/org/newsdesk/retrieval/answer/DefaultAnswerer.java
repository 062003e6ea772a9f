package org.newsdesk.retrieval.answer;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.rag.query.Metadata;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.rag.query.transformer.CompressingQueryTransformer;
import dev.langchain4j.rag.query.transformer.QueryTransformer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.newsdesk.config.AnswerConfig;
import org.newsdesk.config.AnswerMode;
import org.newsdesk.config.LlmConfig;
import org.newsdesk.retrieval.search.PassageSearcher;
import org.newsdesk.retrieval.search.RecencyFavour;
import org.newsdesk.retrieval.search.ScoredPassage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer pipeline: remember the conversation, turn a follow-up into a standalone query,
 * retrieve passages (again, when the first ones show a word of the question to be a typo of
 * theirs: {@link Typos}), compose (extractively, or with a language model whose failures fall back
 * to the extractive answer with a notice), check every citation, date the claims. Safe to call
 * from many threads for many conversations at once.
 */
public final class DefaultAnswerer implements Answerer {
  private static final Logger log = LoggerFactory.getLogger(DefaultAnswerer.class);

  static final String NOTICE_TIMEOUT = "The language model did not answer in time; this answer quotes the articles directly.";
  static final String NOTICE_ERROR = "The language model could not be reached; this answer quotes the articles directly.";
  static final String NOTICE_EMPTY = "The language model gave an empty answer; this answer quotes the articles directly.";
  static final String NOTICE_UNCHECKED = "The language model's answer did not hold up against the articles; this answer quotes them directly.";

  private final PassageSearcher searcher;
  private final AnswerPassages passages;
  private final AnswerConfig config;
  private final Optional<ChatModel> model;
  private final ConversationMemory memory;
  private final ExtractiveComposer composer;
  private final QueryTransformer rule = new FollowUpQueryTransformer();
  private final Optional<QueryTransformer> compressing;
  private final Clock clock;

  /**
   * Answers from the {@code topK} best passages of {@code searcher} (a model sees them numbered);
   * the extractive answer also reads later passages of the same articles ({@link AnswerPassages}).
   */
  public DefaultAnswerer(PassageSearcher searcher, int topK, AnswerConfig config, Optional<ChatModel> model,
                         Clock clock) {
    this(searcher, topK, config, model, Optional.empty(), clock);
  }

  /**
   * As above, the extractive answer choosing sentences by meaning too: {@code meaning} is the
   * embedding model the passages were indexed with.
   */
  public DefaultAnswerer(PassageSearcher searcher, int topK, AnswerConfig config, Optional<ChatModel> model,
                         Optional<EmbeddingModel> meaning, Clock clock) {
    this.searcher = Objects.requireNonNull(searcher, "searcher");
    this.passages = new AnswerPassages(searcher, topK);
    this.config = Objects.requireNonNull(config, "config");
    this.model = config.mode() == AnswerMode.EXTRACTIVE ? Optional.empty() : model;
    this.memory = new ConversationMemory(config.memoryTurns(), config.memoryIdle(), clock);
    this.composer = new ExtractiveComposer(config.maxSentences(), config.minSupport(), config.minMeaning(), meaning,
        new RecencyFavour(config.recencyWeight(), config.recencyDays()));
    this.compressing = this.model.map(CompressingQueryTransformer::new);
    this.clock = clock;
    KnownWords.readAhead();
  }

  /** The pipeline for the configured mode over a passage searcher, sentences chosen by words only. */
  public static DefaultAnswerer create(PassageSearcher searcher, int topK, AnswerConfig config, LlmConfig llm) {
    return create(searcher, topK, config, llm, Optional.empty());
  }

  /** The pipeline for the configured mode over a passage searcher; {@code meaning}: the index's embedding model. */
  public static DefaultAnswerer create(PassageSearcher searcher, int topK, AnswerConfig config, LlmConfig llm,
                                       Optional<EmbeddingModel> meaning) {
    return new DefaultAnswerer(searcher, topK, config, ChatModels.forMode(config.mode(), llm), meaning,
        Clock.systemUTC());
  }

  public ConversationMemory memory() {
    return memory;
  }

  @Override
  public Answer answer(String conversationId, String question) {
    return answer(conversationId, question, LocalDate.now(clock));
  }

  @Override
  public Answer answer(String conversationId, String question, LocalDate askedOn) {
    long t0 = System.nanoTime();
    String typed = question == null ? "" : question.strip();
    String q = QuestionText.clean(typed);
    if (q.isEmpty()) {
      return new Answer(false, typed.isEmpty() ? Answer.NOT_FOUND : Answer.NO_QUESTION, AnswerMode.EXTRACTIVE, List.of(),
          List.of(), List.of(), Optional.empty(), "");
    }
    List<ConversationMemory.Turn> turns = memory.turns(conversationId);
    List<ChatMessage> history = ConversationMemory.messages(turns);
    Metadata metadata = Metadata.from(UserMessage.from(q), conversationId, history);

    Optional<String> modelFailure = Optional.empty();
    String standalone = rule.transform(Query.from(q, metadata)).iterator().next().text().strip();
    if (compressing.isPresent() && !turns.isEmpty() && FollowUpQueryTransformer.isFollowUp(q)) {
      try {
        String rewritten = compressing.get().transform(Query.from(q, metadata)).iterator().next().text();
        if (rewritten != null && !rewritten.isBlank()) standalone = rewritten.strip();
      } catch (RuntimeException e) {
        modelFailure = Optional.of(notice(e));
        log.atWarn().setCause(e).addKeyValue("conversation", conversationId).log("query rewrite by model failed");
      }
    }

    AnswerPassages.Found found = passages.find(standalone, askedOn);
    // A typo is read as the word the passages found hold, and the search is run again with it. The
    // collection is asked once per word, though the standalone question and the reader's are both read.
    Map<String, Boolean> used = new HashMap<>();
    Predicate<String> inUse = word -> used.computeIfAbsent(word, w -> searcher.uses(w, Typos.IN_USE));
    String corrected = Typos.corrected(standalone, found.read(), inUse);
    if (!corrected.equals(standalone)) {
      q = Typos.corrected(q, found.read(), inUse);
      standalone = corrected;
      found = passages.find(standalone, askedOn);
    }
    Answer extractive = extractive(q, standalone, found.read(), askedOn);
    Answer answer;
    if (model.isEmpty() || found.top().isEmpty()) {
      answer = extractive;
    } else if (modelFailure.isPresent()) {
      answer = withNotice(extractive, modelFailure.get());
    } else {
      answer = fromModel(conversationId, q, standalone, found.top(), extractive);
    }
    memory.remember(conversationId, new ConversationMemory.Turn(q, standalone, answer.text()));
    log.atInfo().addKeyValue("conversation", conversationId).addKeyValue("mode", answer.mode().label())
        .addKeyValue("answered", answer.answered()).addKeyValue("citations", answer.citations().size())
        .addKeyValue("fallback", answer.notice().isPresent())
        .addKeyValue("ms", (System.nanoTime() - t0) / 1_000_000).log("answer composed");
    return answer;
  }

  private Answer fromModel(String conversationId, String question, String standalone, List<ScoredPassage> passages,
                           Answer extractive) {
    String reply;
    try {
      reply = model.orElseThrow().chat(List.of(PassagePrompt.system(config.maxSentences()),
          PassagePrompt.user(question.equals(standalone) ? question : standalone, passages))).aiMessage().text();
    } catch (RuntimeException e) {
      log.atWarn().setCause(e).addKeyValue("conversation", conversationId).log("language model failed");
      return withNotice(extractive, notice(e));
    }
    if (reply == null || reply.isBlank()) return withNotice(extractive, NOTICE_EMPTY);
    if (saysNotFound(reply)) {
      return new Answer(false, Answer.NOT_FOUND, config.mode(), List.of(), List.of(), passages, Optional.empty(), standalone);
    }
    CitationCheck.Checked checked = CitationCheck.check(reply, passages);
    if (checked.empty()) {
      log.atWarn().addKeyValue("conversation", conversationId).addKeyValue("sentences", checked.checks().size())
          .log("model answer failed the citation check");
      return withNotice(extractive, NOTICE_UNCHECKED);
    }
    return new Answer(true, DatedClaims.render(checked.claims(), checked.citations()), config.mode(),
        checked.citations(), checked.checks(), passages, Optional.empty(), standalone);
  }

  private Answer extractive(String question, String standalone, List<ScoredPassage> passages, LocalDate askedOn) {
    Optional<String> notice = Optional.empty();
    ExtractiveComposer.Draft draft = composer.compose(question, standalone, passages, askedOn);
    if (!draft.empty()) {
      CitationCheck.Checked checked = CitationCheck.check(draft.sentences(), passages);
      if (!checked.empty()) {
        return new Answer(true, DatedClaims.render(checked.claims(), checked.citations()), AnswerMode.EXTRACTIVE,
            checked.citations(), checked.checks(), passages, notice, standalone);
      }
    }
    return new Answer(false, Answer.NOT_FOUND, AnswerMode.EXTRACTIVE, List.of(), List.of(), passages, notice, standalone);
  }

  private static Answer withNotice(Answer a, String notice) {
    return new Answer(a.answered(), a.text(), a.mode(), a.citations(), a.checks(), a.retrieved(), Optional.of(notice),
        a.query());
  }

  /** Whether the model said the passages don't hold the answer (it may add a marker or trailing words). */
  static boolean saysNotFound(String reply) {
    String r = Markers.strip(reply).replace('’', '\'').toLowerCase(Locale.ROOT);
    String nf = Answer.NOT_FOUND.toLowerCase(Locale.ROOT);
    return r.startsWith(nf.substring(0, nf.length() - 1)) && r.length() <= nf.length() + 40;
  }

  static String notice(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof dev.langchain4j.exception.TimeoutException || t instanceof java.net.http.HttpTimeoutException
          || t instanceof java.net.SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException
          || t instanceof java.io.InterruptedIOException) {
        return NOTICE_TIMEOUT;
      }
    }
    return NOTICE_ERROR;
  }
}

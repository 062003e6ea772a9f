package org.newsdesk.retrieval.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * bge-small-en-v1.5 (int8 ONNX weights, 384 dimensions, CLS pooling) run in process from the
 * resources of its LangChain4j jar: nothing is downloaded, ever. DJL, whose tokenizer it uses,
 * would call EC2 metadata and a telemetry address when it starts; {@code ai.djl.offline} is set
 * before it loads so it stays off the network.
 *
 * <p>A text is tokenized once (cut at the model's 512 tokens, as bge was trained) and only the
 * vector of its first token is read back. LangChain4j's own encoder tokenizes each text three times
 * and copies every token's vector into Java arrays: on these 2 cores it embedded 44.5 rtqa-2024
 * passages/s against 47.0/s, eight sentences in 29 ms against 27 and a question in 4.2 ms against
 * 4.0, with the same vectors (cosine at least 0.999999 over 3,003 texts; docs/BENCHMARKS.md).
 *
 * <p>Each text is embedded with one ONNX intra-op thread; the texts of one call run side by side on
 * a pool of one thread per core, shared by every caller, so a reader's eight sentences take both
 * cores and the indexer's workers together never run more inferences than there are cores. On a
 * loaded 2-core machine one intra-op thread per text gave 26.6 passages/s, against 7.8/s for
 * texts that each ask for every core and 6.1/s for one caller with two intra-op threads. Batching
 * texts into one run was slower still (padding, and the int8 activations are scaled per batch, so
 * a text's vector would depend on its neighbours). Safe for concurrent callers; never call it from
 * a task on its own pool.
 */
public final class BgeSmallEmbeddingModel implements EmbeddingModel, AutoCloseable {
  /** What an index records as the model of its vectors. */
  public static final String NAME = "bge-small-en-v1.5-q";
  public static final int DIMENSION = 384;
  /** Tokens the model reads of a text, its two markers included; the rest is cut. */
  static final int MAX_TOKENS = 512;

  private static final String MODEL = "/bge-small-en-v1.5-q.onnx";
  private static final String TOKENIZER = "/bge-small-en-v1.5-q-tokenizer.json";

  static {
    System.setProperty("ai.djl.offline", "true");
  }

  /** One thread per core, for every model of the process; daemon threads, so they never hold the JVM up. */
  private static final ExecutorService TEXTS = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
      Thread.ofPlatform().name("embed-text-", 1).daemon().factory());

  private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;

  /**
   * Loads the model (about a second; needs some 100 MB of heap for a moment).
   *
   * @throws IllegalStateException when the model's jar is missing or its weights do not load
   */
  public BgeSmallEmbeddingModel() {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      this.session = environment.createSession(read(MODEL), options);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot load the embedding model " + NAME + ": " + e.getMessage(), e);
    }
    try (InputStream in = resource(TOKENIZER)) {
      this.tokenizer = HuggingFaceTokenizer.newInstance(in,
          Map.of("padding", "false", "truncation", "true", "maxLength", String.valueOf(MAX_TOKENS)));
    } catch (IOException | RuntimeException e) {
      closeQuietly();
      throw new IllegalStateException("cannot load the tokenizer of " + NAME + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    if (segments.size() == 1) return Response.from(List.of(embedOne(segments.getFirst().text())));
    List<Future<Embedding>> running = new ArrayList<>(segments.size());
    for (TextSegment s : segments) running.add(TEXTS.submit(() -> embedOne(s.text())));
    List<Embedding> out = new ArrayList<>(segments.size());
    try {
      for (Future<Embedding> f : running) out.add(f.get());
    } catch (InterruptedException e) {
      running.forEach(f -> f.cancel(false));
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while embedding");
    } catch (ExecutionException e) {
      running.forEach(f -> f.cancel(false));
      if (e.getCause() instanceof RuntimeException re) throw re;
      throw new IllegalStateException("embedding failed: " + e.getCause(), e.getCause());
    }
    return Response.from(out);
  }

  /** The unit vector of the first token ([CLS]) of {@code text}, as bge is pooled. */
  private Embedding embedOne(String text) {
    Encoding encoding = tokenizer.encode(text);
    long[] ids = encoding.getIds();
    long[] shape = {1, ids.length};
    try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
         OnnxTensor mask = OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getAttentionMask()), shape);
         OnnxTensor types = OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getTypeIds()), shape);
         OrtSession.Result result = session.run(Map.of("input_ids", inputIds, "attention_mask", mask,
             "token_type_ids", types))) {
      FloatBuffer tokens = ((OnnxTensor) result.get(0)).getFloatBuffer();
      float[] v = new float[DIMENSION];
      tokens.get(0, v);
      double norm = 0;
      for (float x : v) norm += x * x;
      float scale = (float) (1 / Math.sqrt(norm));
      for (int i = 0; i < v.length; i++) v[i] *= scale;
      return Embedding.from(v);
    } catch (OrtException e) {
      throw new IllegalStateException("the embedding model " + NAME + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * The whole words of the model's vocabulary (30,522 word pieces, 22,501 of them words of letters
   * alone), lower case: a list of the English words, and the common names, that the model knows
   * without cutting them into pieces.
   *
   * @throws IllegalStateException when the tokenizer is not on the class path
   */
  public static Set<String> vocabularyWords() {
    try (InputStream in = resource(TOKENIZER)) {
      Set<String> words = new HashSet<>();
      new ObjectMapper().readTree(in).path("model").path("vocab").fieldNames().forEachRemaining(piece -> {
        if (!piece.isEmpty() && piece.chars().allMatch(Character::isLetter)) words.add(piece);
      });
      if (words.isEmpty()) throw new IllegalStateException("the tokenizer of " + NAME + " lists no words");
      return Set.copyOf(words);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the tokenizer of " + NAME, e);
    }
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public String modelName() {
    return NAME;
  }

  @Override
  public void close() {
    tokenizer.close();
    closeQuietly();
  }

  private void closeQuietly() {
    try {
      session.close();
    } catch (OrtException e) {
      // Only at shutdown: the native memory goes with the process.
    }
  }

  private static byte[] read(String name) {
    try (InputStream in = resource(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + " of " + NAME, e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = BgeSmallEmbeddingModel.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("the embedding model " + NAME + " is not on the class path (missing " + name + ")");
    }
    return in;
  }
}

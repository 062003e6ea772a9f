package org.newsdesk.retrieval.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * bge-small-en-v1.5 (int8 ONNX weights, 384 dimensions, CLS pooling) run in process from the
 * resources of its LangChain4j jar: nothing is downloaded, ever. DJL, whose tokenizer it uses,
 * would call EC2 metadata and a telemetry address when it starts; {@code ai.djl.offline} is set
 * before it loads so it stays off the network.
 *
 * <p>Each text is embedded with one ONNX intra-op thread; the texts of one call run side by side on
 * a pool of one thread per core, shared by every caller, so a reader's eight sentences take both
 * cores and the indexer's workers together never run more inferences than there are cores. On a
 * loaded 2-core machine one intra-op thread per text gave 26.6 passages/s, against 7.8/s for the
 * library's own pool (whose texts each ask for every core) and 6.1/s for one caller with two
 * intra-op threads. Safe for concurrent callers; never call it from a task on its own pool.
 */
public final class BgeSmallEmbeddingModel extends AbstractInProcessEmbeddingModel implements AutoCloseable {
  /** What an index records as the model of its vectors. */
  public static final String NAME = "bge-small-en-v1.5-q";
  public static final int DIMENSION = 384;

  private static final String MODEL = "/bge-small-en-v1.5-q.onnx";
  private static final String TOKENIZER = "/bge-small-en-v1.5-q-tokenizer.json";

  static {
    System.setProperty("ai.djl.offline", "true");
  }

  /** One thread per core, for every model of the process; daemon threads, so they never hold the JVM up. */
  private static final ExecutorService TEXTS = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
      Thread.ofPlatform().name("embed-text-", 1).daemon().factory());

  private final OrtSession session;
  private final OnnxBertBiEncoder encoder;

  /**
   * Loads the model (about a second; needs some 100 MB of heap for a moment).
   *
   * @throws IllegalStateException when the model's jar is missing or its weights do not load
   */
  public BgeSmallEmbeddingModel() {
    super(TEXTS);
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      this.session = environment.createSession(read(MODEL), options);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot load the embedding model " + NAME + ": " + e.getMessage(), e);
    }
    try (InputStream tokenizer = resource(TOKENIZER)) {
      this.encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS);
    } catch (IOException | RuntimeException e) {
      closeQuietly();
      throw new IllegalStateException("cannot load the tokenizer of " + NAME + ": " + e.getMessage(), e);
    }
  }

  @Override
  protected OnnxBertBiEncoder model() {
    return encoder;
  }

  @Override
  protected Integer knownDimension() {
    return DIMENSION;
  }

  @Override
  public String modelName() {
    return NAME;
  }

  @Override
  public void close() {
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

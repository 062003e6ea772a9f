package org.newsdesk.bench.rtqa;

import java.util.OptionalLong;

/**
 * What the rtqa benchmark measured of one variant.
 *
 * @param articles articles in the built index (and {@code passages}, its passages)
 * @param indexSeconds wall time of the build into a fresh index; NaN when the last build was asked as it stands
 * @param embedded passage texts the model embedded for the build
 * @param sentences the reader's sentences the model embedded for the build (with {@code newsdesk.answer.sentence-vectors})
 * @param reused passage texts whose vector a kept build lent
 * @param unchangedSeconds wall time of a reindex that finds nothing changed
 * @param recall answer recall at 1, 5 and 10
 * @param query p50 and p99 ms of one search for 10 passages, the question's embedding included
 * @param ask p50 and p99 ms of one answer
 * @param peakRssKib the process's peak resident memory during the variant (since start when {@code peakSinceStart})
 */
record VariantResult(Variant variant, int articles, int passages, double indexSeconds, int embedded, int sentences, int reused,
                     double unchangedSeconds, int questions, double[] recall, double[] query, int answered, int gold,
                     int quoted, double[] ask, OptionalLong peakRssKib, boolean peakSinceStart) {
  /** Answered without the gold answer in the answer text. */
  int wrong() {
    return answered - gold;
  }
}

package org.newsdesk.bot.log;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A question's vector as the answer log stores it ({@code question_vectors.vector}): its float32
 * values, little-endian, in a BLOB (SQLite) or a bytea (PostgreSQL), so both databases hold the
 * same bytes and give back the same floats.
 */
public final class QuestionVector {
  private QuestionVector() {}

  /** The stored form of {@code vector}. */
  public static byte[] bytes(float[] vector) {
    ByteBuffer out = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    out.asFloatBuffer().put(vector);
    return out.array();
  }

  /**
   * The vector stored as {@code bytes}.
   *
   * @throws IllegalArgumentException when the length is not a whole number of float32 values
   */
  public static float[] floats(byte[] bytes) {
    if (bytes.length % Float.BYTES != 0) {
      throw new IllegalArgumentException("a stored vector is a whole number of 4-byte floats, got " + bytes.length
          + " bytes");
    }
    float[] vector = new float[bytes.length / Float.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
    return vector;
  }
}

package org.newsdesk.retrieval.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * The stored form of a {@link FileManifest}: compact binary (doc values), so reading every
 * manifest does not decompress the stored passage text around them. It starts with the format
 * number, so an index written by another version is recognised before anything else is read.
 *
 * <p>Formats: 1 stored each paragraph fingerprint as a 64-bit hash of a 128-bit hex key; 2 stores
 * {@code Boilerplate.fingerprint} itself, the value the corpus counts use; 3 adds the file's own
 * rejections, reported again while the file is unchanged; 4 is 3 beside passages that carry their
 * key and publication day as doc values ({@link LuceneRankings}), so the next reindex of an older
 * index rewrites every file once (vectors reused) and its searches stop reading every candidate.
 */
final class ManifestCodec {
  private ManifestCodec() {}

  /** The format this version writes and reads. */
  static final int FORMAT = 4;

  static BytesRef encode(FileManifest m) {
    ByteBuffersDataOutput out = new ByteBuffersDataOutput();
    try {
      out.writeVInt(FORMAT);
      out.writeString(m.path());
      out.writeString(m.hash());
      out.writeByte((byte) (m.reparse() ? 1 : 0));
      out.writeVInt(m.problems().size());
      for (String problem : m.problems()) out.writeString(problem);
      out.writeVInt(m.articles().size());
      for (FileManifest.Entry e : m.articles()) {
        out.writeString(e.id());
        out.writeString(e.published().map(LocalDate::toString).orElse(""));
        writeLongs(out, e.fingerprints());
        writeLongs(out, e.shared());
        out.writeByte((byte) (e.indexed() ? 1 : 0));
        out.writeVInt(e.passages());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BytesRef(out.toArrayCopy());
  }

  /** The format number {@code bytes} were written in. */
  static int format(BytesRef bytes) {
    return new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length).readVInt();
  }

  /** Reads {@link #encode}; {@code bytes} must be in {@link #FORMAT} (check with {@link #format}). */
  static FileManifest decode(BytesRef bytes) {
    try {
      return read(new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length));
    } catch (IOException e) {
      throw new UncheckedIOException("bad manifest", e);
    }
  }

  private static FileManifest read(ByteArrayDataInput in) throws IOException {
    int format = in.readVInt();
    if (format != FORMAT) throw new IllegalArgumentException("manifest format " + format + ", expected " + FORMAT);
    String path = in.readString();
    String hash = in.readString();
    boolean reparse = in.readByte() != 0;
    int problemCount = in.readVInt();
    List<String> problems = new ArrayList<>(problemCount);
    for (int i = 0; i < problemCount; i++) problems.add(in.readString());
    int n = in.readVInt();
    List<FileManifest.Entry> entries = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String id = in.readString();
      String published = in.readString();
      Set<Long> fingerprints = readLongs(in);
      Set<Long> shared = readLongs(in);
      boolean indexed = in.readByte() != 0;
      int passages = in.readVInt();
      entries.add(new FileManifest.Entry(id, published.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(published)),
          fingerprints, shared, indexed, passages));
    }
    return new FileManifest(path, hash, entries, problems, reparse);
  }

  private static void writeLongs(ByteBuffersDataOutput out, Set<Long> values) throws IOException {
    out.writeVInt(values.size());
    for (long v : values) out.writeLong(v);
  }

  private static Set<Long> readLongs(ByteArrayDataInput in) {
    int n = in.readVInt();
    Set<Long> out = new HashSet<>(n * 2);
    for (int i = 0; i < n; i++) out.add(in.readLong());
    return out;
  }
}

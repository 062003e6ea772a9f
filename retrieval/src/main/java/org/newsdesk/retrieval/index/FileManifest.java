package org.newsdesk.retrieval.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * What the index remembers about one article file, stored beside its passages in the same commit:
 * the content hash (an unchanged file is skipped without parsing), and for each article the
 * hashes of its paragraph fingerprints and which of them were shared with other articles when it
 * was last cleaned (when that set changes, the article is cleaned again). {@code reparse} marks a
 * file that had rejections (bad lines, duplicate ids): it is parsed again on every run so its
 * report stays true. Stored as compact binary doc values ({@link #toBytes()}), so reading every
 * manifest does not decompress the stored passage text around them; indexes written before hold
 * JSON in a stored field instead ({@link #decode}).
 */
public record FileManifest(String path, String hash, List<Entry> articles, boolean reparse) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public FileManifest {
    articles = List.copyOf(articles);
  }

  /** One article of the file; {@code indexed} is false when cleaning left nothing. */
  public record Entry(String id, Optional<LocalDate> published, Set<Long> fingerprints, Set<Long> shared,
                      boolean indexed, int passages) {
    public Entry {
      fingerprints = Set.copyOf(fingerprints);
      shared = Set.copyOf(shared);
    }
  }

  /** Whether any article of the file made it into passages. */
  public boolean anyIndexed() {
    return articles.stream().anyMatch(Entry::indexed);
  }

  /** Format version of {@link #toBytes()}. */
  private static final int BINARY_VERSION = 1;

  /** The manifest as binary: path, hash, reparse flag and every article entry. */
  BytesRef toBytes() {
    ByteBuffersDataOutput out = new ByteBuffersDataOutput();
    try {
      out.writeVInt(BINARY_VERSION);
      out.writeString(path);
      out.writeString(hash);
      out.writeByte((byte) (reparse ? 1 : 0));
      out.writeVInt(articles.size());
      for (Entry e : articles) {
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

  /** Reads {@link #toBytes()}. */
  static FileManifest fromBytes(BytesRef bytes) {
    try {
      return read(new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length));
    } catch (IOException e) {
      throw new UncheckedIOException("bad manifest", e);
    }
  }

  private static FileManifest read(ByteArrayDataInput in) throws IOException {
    int version = in.readVInt();
    if (version != BINARY_VERSION) throw new IllegalStateException("unknown manifest format " + version);
    String path = in.readString();
    String hash = in.readString();
    boolean reparse = in.readByte() != 0;
    int n = in.readVInt();
    List<Entry> entries = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String id = in.readString();
      String published = in.readString();
      Set<Long> fingerprints = readLongs(in);
      Set<Long> shared = readLongs(in);
      boolean indexed = in.readByte() != 0;
      int passages = in.readVInt();
      entries.add(new Entry(id, published.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(published)),
          fingerprints, shared, indexed, passages));
    }
    return new FileManifest(path, hash, entries, reparse);
  }

  private static void writeLongs(ByteBuffersDataOutput out, Set<Long> values) throws IOException {
    out.writeVInt(values.size());
    for (long v : values) out.writeLong(v);
  }

  private static Set<Long> readLongs(ByteArrayDataInput in) throws IOException {
    int n = in.readVInt();
    Set<Long> out = new HashSet<>(n * 2);
    for (int i = 0; i < n; i++) out.add(in.readLong());
    return out;
  }

  /** The JSON form of manifests written before {@link #toBytes()}; kept so tests can write an index of that age. */
  String encode() {
    try {
      return JSON.writeValueAsString(new Stored(articles.stream()
          .map(e -> new StoredEntry(e.id(), e.published().map(LocalDate::toString).orElse(null),
              e.fingerprints().stream().mapToLong(Long::longValue).toArray(),
              e.shared().stream().mapToLong(Long::longValue).toArray(), e.indexed(), e.passages()))
          .toList(), reparse));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the JSON form of an index written before manifests became binary doc values. */
  static FileManifest decode(String path, String hash, String encoded) {
    try {
      Stored s = JSON.readValue(encoded, Stored.class);
      return new FileManifest(path, hash, s.articles().stream()
          .map(e -> new Entry(e.id(), Optional.ofNullable(e.published()).map(LocalDate::parse),
              boxed(e.fingerprints()), boxed(e.shared()), e.indexed(), e.passages()))
          .toList(), s.reparse());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("bad manifest of " + path, e);
    }
  }

  private static Set<Long> boxed(long[] values) {
    return java.util.Arrays.stream(values).boxed().collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  private record Stored(List<StoredEntry> articles, boolean reparse) {}

  private record StoredEntry(String id, String published, long[] fingerprints, long[] shared, boolean indexed,
                             int passages) {}
}

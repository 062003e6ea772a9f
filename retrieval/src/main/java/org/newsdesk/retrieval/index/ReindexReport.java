package org.newsdesk.retrieval.index;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a reindex did with every file it saw or remembered: each ends in exactly one bucket. A file
 * may be indexed and still carry problems (a .jsonl file with one bad line); a rejected file has at
 * least one reason. {@code notices} concern the whole run (the index was rebuilt, and why).
 */
public record ReindexReport(List<FileResult> files, List<String> notices, int articles, int passages, Duration took) {
  public ReindexReport {
    files = List.copyOf(files);
    notices = List.copyOf(notices);
    Objects.requireNonNull(took, "took");
  }

  public enum Bucket {
    INDEXED("indexed"), UNCHANGED("unchanged"), DELETED("deleted"), REJECTED("rejected");

    private final String label;

    Bucket(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** One file's fate; {@code notes} say why (rejection reasons, re-cleaning, passage counts). */
  public record FileResult(String path, Bucket bucket, List<String> notes) {
    public FileResult {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(bucket, "bucket");
      notes = List.copyOf(notes);
      if (bucket == Bucket.REJECTED && notes.isEmpty()) {
        throw new IllegalArgumentException("a rejected file needs a reason: " + path);
      }
    }
  }

  public long count(Bucket bucket) {
    return files.stream().filter(f -> f.bucket() == bucket).count();
  }

  /** {@code 5 indexed, 0 unchanged, 0 deleted, 0 rejected}. */
  public String countsLine() {
    return count(Bucket.INDEXED) + " indexed, " + count(Bucket.UNCHANGED) + " unchanged, "
        + count(Bucket.DELETED) + " deleted, " + count(Bucket.REJECTED) + " rejected";
  }

  /** The report as a person reads it: the counts first, then the notices, then one line per file. */
  public String format() {
    StringBuilder sb = new StringBuilder(countsLine()).append('\n');
    for (String notice : notices) sb.append(notice).append('\n');
    for (FileResult f : files) {
      sb.append(String.format("%-9s  %s", f.bucket().label(), f.path()));
      if (!f.notes().isEmpty()) sb.append(": ").append(String.join("; ", f.notes()));
      sb.append('\n');
    }
    sb.append(count(articles, "article")).append(", ").append(count(passages, "passage"))
        .append(" in the index (took ").append(took.toMillis()).append(" ms)\n");
    return sb.toString();
  }

  /** "1 passage", "2 passages": a count with its noun, in the singular for one. */
  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}

package org.newsdesk.retrieval.ingest;

/** A half-open character range {@code [start, end)} of some text. */
public record Span(int start, int end) {
  public Span {
    if (start < 0 || end < start) throw new IllegalArgumentException("bad span " + start + ".." + end);
  }

  public String of(String text) {
    return text.substring(start, end);
  }
}

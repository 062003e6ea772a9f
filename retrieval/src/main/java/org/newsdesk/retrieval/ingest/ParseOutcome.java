package org.newsdesk.retrieval.ingest;

import java.util.List;

/**
 * What one file gave: its articles (a .jsonl file may give many), and rejections with a reason
 * a maintainer can act on ("not UTF-8", "bad front matter: ...", "bad JSONL line 7: ...").
 * A file with no articles and no rejection does not occur: every file ends in a bucket.
 */
public record ParseOutcome(String path, List<RawArticle> articles, List<String> rejections) {
  public ParseOutcome {
    articles = List.copyOf(articles);
    rejections = List.copyOf(rejections);
  }

  public static ParseOutcome rejected(String path, String reason) {
    return new ParseOutcome(path, List.of(), List.of(reason));
  }
}

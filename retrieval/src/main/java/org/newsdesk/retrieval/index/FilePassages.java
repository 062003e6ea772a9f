package org.newsdesk.retrieval.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.index.ReindexReport.Bucket;
import org.newsdesk.retrieval.index.ReindexReport.FileResult;
import org.newsdesk.retrieval.ingest.Article;
import org.newsdesk.retrieval.ingest.Boilerplate;
import org.newsdesk.retrieval.ingest.PassageSplitter;
import org.newsdesk.retrieval.ingest.RawArticle;

/**
 * Turns a file to rewrite into what is written for it: each article cleaned of boilerplate against
 * the corpus counts and split into passages, the file's manifest, and its report line. Nothing
 * here touches the index; safe to call from several threads.
 */
final class FilePassages {
  static final String RECLEANED = "cleaned again: its paragraphs shared with other articles changed";

  private final Boilerplate boilerplate;
  private final PassageSplitter splitter;

  FilePassages(Boilerplate boilerplate, PassageSplitter splitter) {
    this.boilerplate = boilerplate;
    this.splitter = splitter;
  }

  FileUpdate build(Rewrite r, FingerprintCounts counts) {
    List<String> notes = new ArrayList<>();
    if (r.recleaned()) notes.add(RECLEANED);
    notes.addAll(r.problems());
    List<FileManifest.Entry> entries = new ArrayList<>();
    List<Passage> passages = new ArrayList<>();
    for (Rewrite.Candidate c : r.candidates()) {
      RawArticle raw = c.raw();
      Optional<Article> article = boilerplate.clean(raw, c.paragraphFingerprints(), counts::articlesContaining);
      Set<Long> shared = counts.shared(c.fingerprints());
      if (article.isEmpty()) {
        notes.add(r.candidates().size() == 1 ? "empty after cleaning" : raw.id() + ": empty after cleaning");
        entries.add(new FileManifest.Entry(raw.id(), raw.published(), c.fingerprints(), shared, false, 0));
        continue;
      }
      List<Passage> split = splitter.split(article.get());
      passages.addAll(split);
      entries.add(new FileManifest.Entry(raw.id(), raw.published(), c.fingerprints(), shared, !split.isEmpty(),
          split.size()));
    }
    // The file's own problems are kept for the report of the next runs; an article left out for an
    // id another file holds may get in once that file changes, so such a file is parsed every run.
    Optional<FileManifest> manifest = entries.isEmpty() ? Optional.empty()
        : Optional.of(new FileManifest(r.path(), r.hash(), entries, r.parseProblems(), !r.idProblems().isEmpty()));
    long indexedArticles = entries.stream().filter(FileManifest.Entry::indexed).count();
    if (indexedArticles == 0) {
      if (notes.isEmpty()) notes.add("no article found in the file");
      return new FileUpdate(r.path(), passages, List.of(), manifest, new FileResult(r.path(), Bucket.REJECTED, notes));
    }
    List<String> shown = new ArrayList<>();
    shown.add(indexedArticles == 1 ? ReindexReport.count(passages.size(), "passage")
        : ReindexReport.count(indexedArticles, "article") + ", " + ReindexReport.count(passages.size(), "passage"));
    shown.addAll(notes);
    return new FileUpdate(r.path(), passages, List.of(), manifest, new FileResult(r.path(), Bucket.INDEXED, shown));
  }
}

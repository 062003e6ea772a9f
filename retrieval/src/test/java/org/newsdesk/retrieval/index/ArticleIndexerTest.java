package org.newsdesk.retrieval.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.config.IngestConfig;
import org.newsdesk.config.RetrievalConfig;
import org.newsdesk.retrieval.index.ReindexReport.Bucket;
import org.newsdesk.retrieval.index.ReindexReport.FileResult;
import org.newsdesk.retrieval.ingest.ArticleParser;
import org.newsdesk.retrieval.ingest.Boilerplate;
import org.newsdesk.retrieval.ingest.RawArticle;

class ArticleIndexerTest {
  @TempDir Path tmp;
  private LucenePassageIndex index;

  private LucenePassageIndex index() throws IOException {
    if (index == null) index = new LucenePassageIndex(tmp.resolve("data/index"), RetrievalConfig.defaults());
    return index;
  }

  @AfterEach
  void close() throws IOException {
    if (index != null) index.close();
  }

  private ArticleIndexer indexer() throws IOException {
    return new ArticleIndexer(index(), IngestConfig.defaults(), Optional.empty());
  }

  private static FileResult file(ReindexReport report, String path) {
    return report.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
  }

  private long count(String field, String term) throws IOException {
    try (FSDirectory dir = FSDirectory.open(tmp.resolve("data/index")); DirectoryReader r = DirectoryReader.open(dir)) {
      return new IndexSearcher(r).count(new TermQuery(new Term(field, term)));
    }
  }

  @Test
  void should_index_every_seed_when_the_index_is_new() throws IOException {
    ReindexReport report = indexer().reindex(ThreeArticles.seeds());

    assertThat(report.countsLine()).isEqualTo("5 indexed, 0 unchanged, 0 deleted, 0 rejected");
    assertThat(report.format().lines().toList()).element(0).isEqualTo("5 indexed, 0 unchanged, 0 deleted, 0 rejected");
    assertThat(report.files()).extracting(FileResult::path).allMatch(p -> p.matches("00[0-4]_[0-9a-f]+\\.txt"));
    assertThat(report.articles()).isEqualTo(5);
  }

  @Test
  void should_skip_every_seed_when_nothing_changed() throws IOException {
    indexer().reindex(ThreeArticles.seeds());

    ReindexReport again = indexer().reindex(ThreeArticles.seeds());

    assertThat(again.countsLine()).isEqualTo("0 indexed, 5 unchanged, 0 deleted, 0 rejected");
  }

  /** Rewrites every manifest of the index with {@code format} as its format number, as another version would. */
  private void rewriteManifestsInFormat(int format) throws IOException {
    try (FSDirectory dir = FSDirectory.open(tmp.resolve("data/index"));
         IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new NewsAnalyzer()))) {
      Map<String, FileManifest> manifests;
      try (DirectoryReader r = DirectoryReader.open(w)) {
        manifests = LucenePassageWriter.readManifests(r).manifests();
      }
      w.deleteDocuments(new TermQuery(new Term(IndexFields.TYPE, IndexFields.TYPE_FILE)));
      for (FileManifest m : manifests.values()) {
        BytesRef bytes = ManifestCodec.encode(m);
        assertThat(bytes.bytes[bytes.offset]).as("format number, one byte").isEqualTo((byte) ManifestCodec.FORMAT);
        bytes.bytes[bytes.offset] = (byte) format;
        w.addDocument(LucenePassageWriter.manifestDocument(m.path(), bytes));
      }
      w.commit();
    }
  }

  @Test
  void should_rebuild_the_whole_index_and_say_so_when_its_manifests_are_of_another_format() throws IOException {
    Path articles = ThreeArticles.write(tmp.resolve("articles"));
    ReindexReport before = indexer().reindex(articles);
    rewriteManifestsInFormat(1);

    ReindexReport report = indexer().reindex(articles);

    assertThat(report.countsLine()).isEqualTo("3 indexed, 0 unchanged, 0 deleted, 0 rejected");
    assertThat(report.format().lines().toList()).element(1).isEqualTo("rebuilt every file: the index was written "
        + "by another version of Newsdesk (manifest format 1; this version writes " + ManifestCodec.FORMAT + ")");
    assertThat(count(IndexFields.TYPE, IndexFields.TYPE_PASSAGE)).isEqualTo(before.passages());
    assertThat(count(IndexFields.TYPE, IndexFields.TYPE_FILE)).isEqualTo(3);
    ReindexReport again = indexer().reindex(articles);
    assertThat(again.countsLine()).isEqualTo("0 indexed, 3 unchanged, 0 deleted, 0 rejected");
    assertThat(again.format()).doesNotContain("rebuilt");
  }

  /** Passages that carry their key and date as doc values, as this version writes them. */
  private long passagesWithKeyDocValues() throws IOException {
    try (FSDirectory dir = FSDirectory.open(tmp.resolve("data/index")); DirectoryReader r = DirectoryReader.open(dir)) {
      return new IndexSearcher(r).count(new FieldExistsQuery(IndexFields.KEY));
    }
  }

  @Test
  void should_rewrite_an_index_of_the_version_before_key_doc_values_once_so_its_searches_read_no_candidates()
      throws IOException {
    Path articles = ThreeArticles.write(tmp.resolve("articles"));
    ReindexReport first = indexer().reindex(articles);
    try (FSDirectory dir = FSDirectory.open(tmp.resolve("data/index"));
         IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new NewsAnalyzer()))) {
      List<Document> older = new ArrayList<>();
      try (DirectoryReader r = DirectoryReader.open(w)) {
        IndexSearcher s = new IndexSearcher(r);
        for (ScoreDoc d : s.search(new TermQuery(new Term(IndexFields.TYPE, IndexFields.TYPE_PASSAGE)), 100).scoreDocs) {
          Document stored = r.storedFields().document(d.doc);
          Document passage = PassageDocuments.toDocument(PassageDocuments.fromDocument(stored), stored.get(IndexFields.PATH));
          passage.removeFields(IndexFields.KEY);
          passage.removeFields(IndexFields.PUBLISHED_DAY);
          older.add(passage);
        }
      }
      w.deleteDocuments(new TermQuery(new Term(IndexFields.TYPE, IndexFields.TYPE_PASSAGE)));
      w.addDocuments(older);
      w.commit();
    }
    rewriteManifestsInFormat(3);
    assertThat(passagesWithKeyDocValues()).isZero();

    ReindexReport report = indexer().reindex(articles);

    assertThat(report.notices()).containsExactly("rebuilt every file: the index was written by another version of "
        + "Newsdesk (manifest format 3; this version writes 4)");
    assertThat(passagesWithKeyDocValues()).isEqualTo(first.passages());
    assertThat(indexer().reindex(articles).countsLine()).isEqualTo("0 indexed, 3 unchanged, 0 deleted, 0 rejected");
  }

  @Test
  void should_store_the_fingerprints_boilerplate_detection_counts_when_writing_manifests() throws IOException {
    Path articles = ThreeArticles.write(tmp.resolve("articles"));
    indexer().reindex(articles);
    RawArticle bank = new ArticleParser(IngestConfig.defaults()).parse(articles, articles.resolve("bank.txt"))
        .articles().get(0);

    FileManifest manifest;
    try (FSDirectory dir = FSDirectory.open(tmp.resolve("data/index")); DirectoryReader r = DirectoryReader.open(dir)) {
      manifest = LucenePassageWriter.readManifests(r).manifests().get("bank.txt");
    }

    assertThat(manifest.articles()).singleElement().extracting(FileManifest.Entry::fingerprints)
        .isEqualTo(bank.paragraphs().stream().map(Boilerplate::fingerprint).collect(Collectors.toSet()));
  }

  @Test
  void should_reindex_only_that_file_when_one_file_changes() throws IOException {
    Path articles = ThreeArticles.copy(ThreeArticles.seeds(), tmp.resolve("articles"));
    indexer().reindex(articles);
    Path changed = articles.resolve(Files.list(articles).sorted().toList().get(1).getFileName());
    Files.writeString(changed, Files.readString(changed) + "\n\nA correction was appended to this story later.\n");

    ReindexReport report = indexer().reindex(articles);

    assertThat(report.countsLine()).isEqualTo("1 indexed, 4 unchanged, 0 deleted, 0 rejected");
    assertThat(file(report, changed.getFileName().toString()).bucket()).isEqualTo(Bucket.INDEXED);
    assertThat(count(IndexFields.TEXT, "correct")).isEqualTo(1);
  }

  @Test
  void should_remove_its_passages_when_a_file_is_deleted() throws IOException {
    Path articles = ThreeArticles.write(tmp.resolve("articles"));
    indexer().reindex(articles);
    assertThat(count(IndexFields.TEXT, "tram")).isPositive();
    Files.delete(articles.resolve("trams.txt"));

    ReindexReport report = indexer().reindex(articles);

    assertThat(report.countsLine()).isEqualTo("0 indexed, 2 unchanged, 1 deleted, 0 rejected");
    assertThat(report.format()).contains("deleted    trams.txt\n");
    assertThat(count(IndexFields.TEXT, "tram")).isZero();
    assertThat(count(IndexFields.TYPE, IndexFields.TYPE_FILE)).isEqualTo(2);
  }

  @Test
  void should_walk_subfolders_and_ignore_other_files_when_indexing() throws IOException {
    Path articles = ThreeArticles.write(tmp.resolve("articles"));
    Files.writeString(articles.resolve("notes.pdf"), "not an article");

    ReindexReport report = indexer().reindex(articles);

    assertThat(report.files()).extracting(FileResult::path)
        .containsExactly("bank.txt", "trams.txt", "weather/floods.txt");
  }

  @Test
  void should_report_the_reason_and_index_the_rest_when_a_file_is_rejected() throws IOException {
    Path articles = ThreeArticles.write(tmp.resolve("articles"));
    Files.writeString(articles.resolve("blank.txt"), "\n\n   \n");

    ReindexReport report = indexer().reindex(articles);

    assertThat(report.countsLine()).isEqualTo("3 indexed, 0 unchanged, 0 deleted, 1 rejected");
    FileResult blank = file(report, "blank.txt");
    assertThat(blank.bucket()).isEqualTo(Bucket.REJECTED);
    assertThat(blank.notes()).isNotEmpty();
    assertThat(report.format()).contains("rejected   blank.txt: " + blank.notes().get(0));
  }

  @Test
  void should_remove_the_old_passages_when_a_file_becomes_unusable() throws IOException {
    Path articles = ThreeArticles.write(tmp.resolve("articles"));
    indexer().reindex(articles);
    Files.writeString(articles.resolve("trams.txt"), "\n\n");

    ReindexReport report = indexer().reindex(articles);

    assertThat(file(report, "trams.txt").bucket()).isEqualTo(Bucket.REJECTED);
    assertThat(count(IndexFields.TEXT, "tram")).isZero();
  }

  @Test
  void should_clean_an_unchanged_article_again_when_another_article_starts_sharing_its_paragraph() throws IOException {
    Path articles = ThreeArticles.write(tmp.resolve("articles"));
    indexer().reindex(articles);
    String shared = ThreeArticles.BANK.split("\n\n")[1];
    Files.writeString(articles.resolve("copycat.txt"), "Another outlet on rates\n\n" + shared
        + "\n\nThe rest of this story is its own.\n");

    ReindexReport report = indexer().reindex(articles);

    assertThat(report.countsLine()).isEqualTo("2 indexed, 2 unchanged, 0 deleted, 0 rejected");
    assertThat(file(report, "bank.txt").notes())
        .contains("cleaned again: its paragraphs shared with other articles changed");
    assertThat(indexer().reindex(articles).countsLine()).isEqualTo("0 indexed, 4 unchanged, 0 deleted, 0 rejected");
  }

  @Test
  void should_record_corpus_statistics_in_the_commit_when_reindexing() throws IOException {
    ReindexReport report = indexer().reindex(ThreeArticles.write(tmp.resolve("articles")));

    try (FSDirectory dir = FSDirectory.open(tmp.resolve("data/index")); DirectoryReader r = DirectoryReader.open(dir)) {
      CorpusStats stats = CorpusStats.of(r);
      assertThat(stats.articles()).isEqualTo(3);
      assertThat(stats.passages()).isEqualTo(report.passages()).isPositive();
      assertThat(stats.reindexedAt()).isPresent();
      assertThat(new IndexSearcher(r).count(new TermQuery(new Term(IndexFields.TYPE, IndexFields.TYPE_PASSAGE))))
          .isEqualTo(report.passages());
    }
  }

  @Test
  void should_show_readers_the_old_index_until_the_commit_when_reindexing() throws IOException {
    Path articles = ThreeArticles.write(tmp.resolve("articles"));
    indexer().reindex(articles);
    ThreeArticles.write(articles.resolve("trams.txt"), ThreeArticles.TRAM.replace("harbour", "airport"));
    AtomicReference<Long> airportSeenDuringRun = new AtomicReference<>();
    AtomicReference<Long> harbourSeenDuringRun = new AtomicReference<>();

    LucenePassageIndex smallBuffer = new LucenePassageIndex(tmp.resolve("data/index"), RetrievalConfig.defaults(), 16);
    new ArticleIndexer(smallBuffer, IngestConfig.defaults(), Optional.empty(), 1, List.of()).reindex(articles, line -> {
      if (line.startsWith("indexed")) {
        try {
          airportSeenDuringRun.set(count(IndexFields.TEXT, "airport"));
          harbourSeenDuringRun.set(count(IndexFields.TEXT, "harbour"));
        } catch (IOException e) {
          throw new AssertionError(e);
        }
      }
    });

    smallBuffer.close();
    assertThat(airportSeenDuringRun.get()).isZero();
    assertThat(harbourSeenDuringRun.get()).isPositive();
    assertThat(count(IndexFields.TEXT, "airport")).isPositive();
    assertThat(count(IndexFields.TEXT, "harbour")).isZero();
  }

  @Test
  void should_leave_one_segment_after_a_run_that_wrote_most_of_the_index_and_merge_no_more_after_a_small_one()
      throws IOException {
    // given: forty articles written by two threads, each of which makes segments of its own
    Path articles = tmp.resolve("articles");
    for (int i = 0; i < 40; i++) {
      String tram = ThreeArticles.TRAM.replace("harbour", "harbour" + i);
      ThreeArticles.write(articles.resolve("a" + i + ".txt"), "Report " + i + "\n\n" + tram);
    }
    ArticleIndexer twoThreads = new ArticleIndexer(index(), IngestConfig.defaults(), Optional.empty(), 2, List.of());

    // when
    twoThreads.reindex(articles);

    // then
    assertThat(segments()).isEqualTo(1);

    // and when one article of forty changes
    ThreeArticles.write(articles.resolve("a7.txt"), "Report 7\n\n" + ThreeArticles.FLOOD);
    twoThreads.reindex(articles);

    // then: its passages are a segment of their own; the rest was not rewritten
    assertThat(segments()).isEqualTo(2);
  }

  private int segments() throws IOException {
    try (FSDirectory dir = FSDirectory.open(tmp.resolve("data/index")); DirectoryReader r = DirectoryReader.open(dir)) {
      return r.leaves().size();
    }
  }

  @Test
  void should_refuse_with_a_clear_message_when_another_reindex_is_running() throws IOException {
    Path articles = ThreeArticles.write(tmp.resolve("articles"));
    AtomicReference<Throwable> second = new AtomicReference<>();

    ReindexReport first = indexer().reindex(articles, line -> {
      if (second.get() == null && line.startsWith("found")) {
        try {
          indexer().reindex(articles);
          second.set(new AssertionError("second reindex ran"));
        } catch (Throwable t) {
          second.set(t);
        }
      }
    });

    assertThat(second.get()).isInstanceOf(ReindexBusyException.class)
        .hasMessage("another reindex is running on " + tmp.resolve("data/index") + "; try again when it has finished");
    assertThat(first.countsLine()).isEqualTo("3 indexed, 0 unchanged, 0 deleted, 0 rejected");
  }

  @Test
  void should_fail_naming_the_folder_when_the_articles_folder_is_missing() {
    assertThatThrownBy(() -> indexer().reindex(tmp.resolve("nope")))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(tmp.resolve("nope").toString());
  }

  @Test
  void should_keep_each_passage_citable_when_stored() throws IOException {
    Path articles = ThreeArticles.write(tmp.resolve("articles"));
    indexer().reindex(articles);

    try (FSDirectory dir = FSDirectory.open(tmp.resolve("data/index")); DirectoryReader r = DirectoryReader.open(dir)) {
      IndexSearcher s = new IndexSearcher(r);
      var top = s.search(new TermQuery(new Term(IndexFields.TEXT, "tram")), 10);
      var passage = PassageDocuments.fromDocument(r.storedFields().document(top.scoreDocs[0].doc));
      assertThat(passage.title()).isNotBlank();
      assertThat(passage.text()).contains("tram");
      assertThat(passage.end() - passage.start()).isEqualTo(passage.text().length());
    }
  }
}

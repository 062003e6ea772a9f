package org.newsdesk.retrieval.index;

import java.net.URI;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;
import org.newsdesk.retrieval.Passage;
import org.newsdesk.retrieval.embed.EmbeddedText;
import org.newsdesk.retrieval.search.PassageHit;

/** Turns a {@link Passage} into a Lucene document and back; everything needed to cite it is stored. */
public final class PassageDocuments {
  private PassageDocuments() {}

  /** The document of {@code passage}, read from the article file at {@code path}, without a vector. */
  public static Document toDocument(Passage passage, String path) {
    return toDocument(passage, path, Optional.empty());
  }

  /** The document of {@code passage}, read from the article file at {@code path}, with its vector if any. */
  public static Document toDocument(Passage passage, String path, Optional<float[]> vector) {
    Document d = new Document();
    d.add(new StringField(IndexFields.TYPE, IndexFields.TYPE_PASSAGE, Field.Store.NO));
    d.add(new StringField(IndexFields.PATH, path, Field.Store.YES));
    d.add(new StringField(IndexFields.ARTICLE_ID, passage.articleId(), Field.Store.YES));
    d.add(new SortedDocValuesField(IndexFields.KEY, new BytesRef(passage.key())));
    d.add(new StoredField(IndexFields.ORDINAL, passage.ordinal()));
    d.add(new TextField(IndexFields.TITLE, passage.title(), Field.Store.YES));
    d.add(new TextField(IndexFields.TEXT, passage.text(), Field.Store.YES));
    passage.url().ifPresent(u -> d.add(new StoredField(IndexFields.URL, u.toString())));
    passage.published().ifPresent(p -> {
      d.add(new StoredField(IndexFields.PUBLISHED, p.toString()));
      d.add(new NumericDocValuesField(IndexFields.PUBLISHED_DAY, p.toEpochDay()));
    });
    passage.source().ifPresent(s -> d.add(new StoredField(IndexFields.SOURCE, s)));
    d.add(new StoredField(IndexFields.START, passage.start()));
    d.add(new StoredField(IndexFields.END, passage.end()));
    d.add(new StringField(IndexFields.TEXT_HASH, EmbeddedText.hash(passage), Field.Store.YES));
    vector.ifPresent(v -> d.add(new KnnFloatVectorField(IndexFields.VECTOR, v, VectorSimilarityFunction.COSINE)));
    return d;
  }

  /** The stored fields {@link #hitOf} reads. */
  static final Set<String> HIT_FIELDS = Set.of(IndexFields.ARTICLE_ID, IndexFields.ORDINAL, IndexFields.PUBLISHED);

  /**
   * The hit of a document read with only {@link #HIT_FIELDS}: for passages indexed before they had
   * {@link IndexFields#KEY} doc values.
   */
  static PassageHit hitOf(Document d, float score) {
    String key = Passage.key(d.get(IndexFields.ARTICLE_ID), d.getField(IndexFields.ORDINAL).numericValue().intValue());
    return new PassageHit(key, Optional.ofNullable(d.get(IndexFields.PUBLISHED)).map(LocalDate::parse), score);
  }

  /** The passage a stored document holds. */
  public static Passage fromDocument(Document d) {
    return new Passage(
        d.get(IndexFields.ARTICLE_ID),
        d.getField(IndexFields.ORDINAL).numericValue().intValue(),
        d.get(IndexFields.TITLE),
        d.get(IndexFields.TEXT),
        Optional.ofNullable(d.get(IndexFields.URL)).map(URI::create),
        Optional.ofNullable(d.get(IndexFields.PUBLISHED)).map(LocalDate::parse),
        Optional.ofNullable(d.get(IndexFields.SOURCE)),
        d.getField(IndexFields.START).numericValue().intValue(),
        d.getField(IndexFields.END).numericValue().intValue());
  }
}

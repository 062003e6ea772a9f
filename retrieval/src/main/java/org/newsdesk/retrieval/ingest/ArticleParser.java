package org.newsdesk.retrieval.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.newsdesk.config.IngestConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one article file into raw articles: {@code .txt} (first line the headline when it looks
 * like one), {@code .md} with YAML front matter, {@code .html}/{@code .htm}, and {@code .jsonl}
 * (one article a line). Applies the cleaning that needs only the article itself (see
 * {@link ParagraphFilter}). Never throws for bad content: every file ends in a
 * {@link ParseOutcome} with its articles and rejections, each reason worded for a maintainer.
 */
public final class ArticleParser {
  private static final Logger log = LoggerFactory.getLogger(ArticleParser.class);

  private final IngestConfig config;
  private final ArticleAssembler assembler;

  public ArticleParser(IngestConfig config) {
    this.config = config;
    this.assembler = new ArticleAssembler(new ParagraphFilter(config.boilerplatePatterns()));
  }

  /** Whether this file is one the parser reads (by extension); hidden files are not. */
  public static boolean isArticleFile(Path file) {
    Path name = file.getFileName();
    if (name == null) return false;
    String n = name.toString().toLowerCase(Locale.ROOT);
    if (n.startsWith(".")) return false;
    return n.endsWith(".txt") || n.endsWith(".md") || n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".jsonl");
  }

  /**
   * Reads {@code file} under {@code root}. The one size check of ingest: a file over
   * {@code maxFileBytes} is not read (nor is one that grew past it while being read).
   */
  public ArticleFile read(Path root, Path file) {
    String rel = relative(root, file);
    long limit = config.maxFileBytes();
    try {
      long size = Files.size(file);
      byte[] content = new byte[0];
      if (size <= limit) {
        try (InputStream in = Files.newInputStream(file)) {
          content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        }
      }
      if (size > limit || content.length > limit) {
        return new ArticleFile.Unreadable(rel, "too large: " + Math.max(size, content.length)
            + " bytes, over newsdesk.ingest.max-file-bytes (" + limit + ")");
      }
      return new ArticleFile.Read(rel, content);
    } catch (IOException e) {
      return new ArticleFile.Unreadable(rel, ArticleFile.unreadable(e));
    }
  }

  /** Reads and parses a file: {@link #read}, then {@link #parse(ArticleFile.Read)}. */
  public ParseOutcome parse(Path root, Path file) {
    return switch (read(root, file)) {
      case ArticleFile.Read read -> parse(read);
      case ArticleFile.Unreadable u -> ParseOutcome.rejected(u.path(), u.reason());
    };
  }

  /** Parses the bytes {@link #read} gave. */
  public ParseOutcome parse(ArticleFile.Read file) {
    String rel = file.path();
    String text;
    try {
      text = decodeUtf8(file.bytes());
    } catch (NotUtf8 e) {
      return ParseOutcome.rejected(rel, e.getMessage());
    }
    if (text.isBlank()) return ParseOutcome.rejected(rel, "empty file");
    String n = rel.toLowerCase(Locale.ROOT);
    try {
      if (n.endsWith(".jsonl")) return JsonlFormat.parse(text, rel, assembler);
      RawArticle article;
      if (n.endsWith(".md")) {
        article = MarkdownFormat.parse(text, rel, assembler);
      } else if (n.endsWith(".html") || n.endsWith(".htm")) {
        article = HtmlFormat.parse(text, rel, assembler);
      } else {
        article = TxtFormat.parse(text, rel, assembler);
      }
      return new ParseOutcome(rel, List.of(article), List.of());
    } catch (ArticleAssembler.Rejected e) {
      return ParseOutcome.rejected(rel, e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      // A parser library tripping over hostile input must not stop the rest of the corpus.
      log.atWarn().setCause(e).addKeyValue("path", rel).log("article parser failed");
      return ParseOutcome.rejected(rel, "unreadable: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + FieldValues.shorten(e.getMessage())));
    }
  }

  static String relative(Path root, Path file) {
    Path rel = file.isAbsolute() == root.isAbsolute() ? root.relativize(file) : file;
    String s = rel.toString().replace('\\', '/');
    return s.isEmpty() ? file.toString().replace('\\', '/') : s;
  }

  private static final class NotUtf8 extends Exception {
    NotUtf8(String message) {
      super(message, null, false, false);
    }
  }

  /** Strict UTF-8: a malformed byte is reported with its offset, never replaced. A leading BOM is dropped. */
  static String decodeUtf8(byte[] content) throws NotUtf8 {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(content);
    CharBuffer out = CharBuffer.allocate(content.length);
    CoderResult r = decoder.decode(in, out, true);
    if (r.isError()) {
      throw new NotUtf8("not UTF-8: invalid byte 0x" + String.format("%02X", content[in.position()] & 0xFF)
          + " at offset " + in.position() + " (save the file as UTF-8)");
    }
    r = decoder.flush(out);
    if (r.isError()) throw new NotUtf8("not UTF-8: truncated character at the end of the file");
    out.flip();
    String s = out.toString();
    return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
  }
}

package org.newsdesk.retrieval.index;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.newsdesk.retrieval.ingest.ArticleFile;
import org.newsdesk.retrieval.ingest.ArticleParser;
import org.newsdesk.retrieval.ingest.Boilerplate;
import org.newsdesk.retrieval.ingest.ParseOutcome;
import org.newsdesk.retrieval.ingest.RawArticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one article file, hashes its content (SHA-256) and compares the hash with the file's
 * manifest: an unchanged file is not parsed; a new or changed one is parsed and each paragraph
 * fingerprinted once, for the corpus counts and for cleaning. A file marked {@code reparse} is
 * always parsed again, so its rejections are reported on every run.
 */
final class FileScanner {
  private static final Logger log = LoggerFactory.getLogger(FileScanner.class);

  private final ArticleParser parser;

  FileScanner(ArticleParser parser) {
    this.parser = parser;
  }

  /** Scans {@code file} (at {@code path} under {@code root}) against {@code previous} manifests, by path. */
  FileScan scan(Path root, ArticleFileWalk.Found found, Map<String, FileManifest> previous) {
    String path = found.path();
    try {
      ArticleFile.Read read;
      switch (parser.read(root, found.file())) {
        case ArticleFile.Read r -> read = r;
        case ArticleFile.Unreadable u -> {
          return new FileScan.Rejected(path, u.reason());
        }
      }
      String hash = sha256(read.bytes());
      FileManifest known = previous.get(path);
      if (known != null && known.hash().equals(hash) && !known.reparse()) return new FileScan.Unchanged(path, known);
      ParseOutcome outcome = parser.parse(read);
      List<long[]> fingerprints = new ArrayList<>(outcome.articles().size());
      for (RawArticle raw : outcome.articles()) fingerprints.add(Boilerplate.paragraphFingerprints(raw));
      return new FileScan.Parsed(path, hash, outcome, fingerprints);
    } catch (RuntimeException e) {
      log.atWarn().addKeyValue("path", path).setCause(e).log("parser failed");
      return new FileScan.Rejected(path, "could not be parsed: " + e.getMessage());
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

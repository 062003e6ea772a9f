package org.newsdesk.bench.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SquadDatasetTest {
  @TempDir Path dir;

  @Test
  void should_read_paragraphs_as_articles_and_rank_their_words_by_frequency_then_alphabetically() throws IOException {
    Path file = Files.writeString(dir.resolve("dev.json"), """
        {"data": [{"title": "River_Bridge", "paragraphs": [
          {"context": "The bridge opened. The river rose.", "qas": [
            {"question": "What opened?", "answers": [{"text": "The bridge"}]},
            {"question": "Who paid?", "answers": [], "is_impossible": true}]},
          {"context": "A river bridge, a river.", "qas": []}]}]}
        """);

    SquadDataset squad = SquadDataset.read(file);

    assertThat(squad.paragraphs()).extracting(SquadDataset.Paragraph::id).containsExactly("River_Bridge#0",
        "River_Bridge#1");
    assertThat(squad.paragraphs().get(0).title()).isEqualTo("River Bridge");
    assertThat(squad.answerable()).extracting(SquadDataset.Question::text).containsExactly("What opened?");
    assertThat(squad.vocabulary()).containsExactly("river", "bridge", "the", "opened", "rose");
  }

  @Test
  void should_write_each_paragraph_as_one_article_and_leave_an_unchanged_file_alone() throws IOException {
    Path file = Files.writeString(dir.resolve("dev.json"), """
        {"data": [{"title": "River_Bridge", "paragraphs": [
          {"context": "The bridge opened.", "qas": []},
          {"context": "The \\"old\\" river rose.", "qas": []}]}]}
        """);
    SquadDataset squad = SquadDataset.read(file);
    Path articles = dir.resolve("squad.jsonl");

    squad.writeArticles(articles);
    FileTime old = FileTime.fromMillis(0);
    Files.setLastModifiedTime(articles, old);
    squad.writeArticles(articles);

    assertThat(Files.readString(articles)).isEqualTo("""
        {"id":"River_Bridge#0","title":"River Bridge","text":"The bridge opened."}
        {"id":"River_Bridge#1","title":"River Bridge","text":"The \\"old\\" river rose."}
        """);
    assertThat(Files.getLastModifiedTime(articles)).as("an unchanged file is not rewritten").isEqualTo(old);
  }
}

package org.newsdesk.bench.rtqa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RtqaQuestionTest {
  @TempDir Path dir;

  @Test
  void should_read_each_question_with_its_answer_and_the_day_of_its_quiz() throws IOException {
    Path file = Files.writeString(dir.resolve("questions.jsonl"), """
        {"id": "1", "date": "2024-03-08", "question": "Which island does the ferry serve again?", "answer": "Lindholm"}

        {"id": "2", "date": "2024-03-15T00:00:00", "question": "Who closed the school?", "answer": "the council"}
        """);

    assertThat(RtqaQuestion.read(file)).containsExactly(
        new RtqaQuestion("Which island does the ferry serve again?", "Lindholm", LocalDate.of(2024, 3, 8)),
        new RtqaQuestion("Who closed the school?", "the council", LocalDate.of(2024, 3, 15)));
  }

  @Test
  void should_name_the_file_and_line_when_a_question_has_no_day() throws IOException {
    Path file = Files.writeString(dir.resolve("questions.jsonl"), """
        {"id": "1", "date": "2024-03-08", "question": "Which island?", "answer": "Lindholm"}
        {"id": "2", "question": "Who closed the school?", "answer": "the council"}
        """);

    assertThatThrownBy(() -> RtqaQuestion.read(file)).isInstanceOf(IOException.class)
        .hasMessage(file + " line 2: date must be an ISO day such as 2024-01-05, got \"\"");
  }

  @Test
  void should_find_the_answer_in_a_text_whatever_its_case_and_punctuation() {
    RtqaQuestion q = new RtqaQuestion("How many cars?", "9,000", LocalDate.of(2024, 3, 8));

    assertThat(q.answeredBy("The bridge carries about 9 000 cars a day.")).isTrue();
    assertThat(q.answeredBy("The bridge carries about 19,000 cars a day.")).isFalse();
  }
}

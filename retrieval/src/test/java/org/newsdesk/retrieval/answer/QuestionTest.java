package org.newsdesk.retrieval.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuestionTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "What is the latest on the tram? | true",
      "whats the latest with the tram project? | true",
      "Any news on the flood? | true",
      "Updates about the library? | true",
      "What's new at the library? | true",
      "What percentage of adults received the latest vaccine? | false",
      "Which animals cause breakdowns, according to latest figures? | false",
      "When will the tram open? | false"})
  void should_tell_a_question_about_the_newest_reports_from_one_about_something_latest(String question,
                                                                                       boolean latest) {
    assertThat(Question.asksLatest(question)).isEqualTo(latest);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "tram? | true",
      "library renovation | true",
      "And in 2023? | true",
      "Did the tram open? | false",
      "who is she | false",
      "the new tram line to the hospital | false"})
  void should_tell_a_message_that_only_names_a_subject(String text, boolean subject) {
    assertThat(Question.namesOnlyASubject(text)).isEqualTo(subject);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "How many stops will the tram have? | stop",
      "How many scheduled flights do US airlines offer each day? | schedul flight",
      "Around how many union workers at Boeing are on strike? | union worker",
      "How much did the library cost? | ''"})
  void should_read_what_how_many_counts(String question, String stems) {
    assertThat(String.join(" ", Question.of(question).counted())).isEqualTo(stems);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "How many new bikes? | bike",
      "How many firefighters helped? | firefight",
      "How many people had to leave? | peopl",
      "How many scheduled flights do US airlines offer each day? | flight",
      "How many bus routes will change? | rout",
      "How many campus buildings are closed? | build",
      "How much did the library cost? | ''"})
  void should_take_the_plural_after_how_many_for_what_is_counted(String question, String stem) {
    assertThat(Question.of(question).countedNoun().orElse("")).isEqualTo(stem);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "How long will the embankments be? | embank | long",
      "How high did the river get? | river | high",
      "What's new at the library? | new librari | ''",
      "Who's the fire chief? | fire chief | ''",
      "Where did people spend the night during the flood? | peopl spend night flood | ''",
      "What is the tram's budget? | tram | budget",
      "What was the flood defences' cost? | flood defenc | cost",
      "What's the length of the tram route? | tram rout | length",
      "What is the budget committee's view? | budget committe view | ''"})
  void should_leave_out_the_words_that_only_ask_and_rank_by_the_size_or_measure_asked(String question,
                                                                                       String terms,
                                                                                       String sizeWords) {
    Question q = Question.of(question);

    assertThat(stems(q.terms())).as("terms").isEqualTo(terms);
    assertThat(stems(q.sizeWords())).as("size words").isEqualTo(sizeWords);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "How much will the embankments cost? | embank",
      "How much did the library renovation cost? | librari renov",
      "How many passengers does the ferry carry a year? | passeng ferri carri year",
      "How much does it cost? | cost",
      "Who will pay for the harbour defences? | pai harbour defenc"})
  void should_take_the_subject_of_a_figure_question_without_the_word_that_names_the_measure(String question,
                                                                                          String subject) {
    assertThat(stems(Question.of(question).subjectTerms())).isEqualTo(subject);
  }

  private static String stems(List<Terms.Token> tokens) {
    return String.join(" ", tokens.stream().map(Terms.Token::stem).toList());
  }
}

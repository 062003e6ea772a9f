package org.newsdesk.retrieval.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerKindTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"2024|true", "1990s|true", "10th|true", "1st|true", "4.8|false", "12|false",
      "236|false", "1,200|false"})
  void should_tell_a_year_or_a_rank_from_a_figure_that_measures_something(String word, boolean nothing) {
    assertThat(AnswerKind.measuresNothing(word)).isEqualTo(nothing);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Which country will host the regatta?|PLACE",
      "In which US state was the bridge built?|PLACE",
      "The president of which African nation postponed the elections?|PLACE",
      "What state declared an emergency?|PLACE",
      "Which state agency approved the bridge?|NAME",
      "Which state officials approved the bridge?|NAME",
      "Which state-run broadcaster aired the debate?|NAME",
      "Which countries signed the treaty?|NAME",
      "Who opened the bridge?|NAME",
      "A storm formed in the Caribbean this week. What is its name?|NAME",
      "When will the bridge open?|TIME",
      "the bridge, when?|TIME",
      "How old is the head librarian?|AGE",
      "At what age did she retire?|AGE",
      "Jimmy Carter celebrated a milestone birthday. How old did he turn?|AGE",
      "How many homes were evacuated?|QUANTITY",
      "How thick is the ice on the lake?|QUANTITY",
      "How much was the ferry company fined for the delays?|MONEY",
      "How much did the striker earn last season?|MONEY",
      "How much water reached the cellars?|QUANTITY",
      "What is the ferry's budget?|MONEY",
      "What's the price of a ticket?|MONEY",
      "What was the flood defences' cost?|MONEY",
      "What's the bridge's length?|QUANTITY",
      "What is the main reason for the delay?|REASON",
      "What's his age?|AGE"})
  void should_read_the_kind_of_answer_from_the_question(String question, AnswerKind kind) {
    assertThat(AnswerKind.of(question)).isEqualTo(kind);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Portugal will host the regatta.|true",
      "The regatta moves to West Virginia next year.|true",
      "The U.S. will host the regatta.|true",
      "Organisers met in Geneva on Monday.|false",
      "The regatta returns to Spain, organisers said.|false",
      "They ate turkey and rice after the regatta.|false",
      "Organisers from Chadwick met on Monday.|false"})
  void should_hold_a_place_only_when_the_sentence_names_a_country_or_state_the_question_does_not(
      String sentence, boolean held) {
    assertThat(AnswerKind.PLACE.heldBy(sentence, "Which country after Spain will host the regatta?")).isEqualTo(held);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Last week the embassy recalled its ambassador.|When did Moscow recall its ambassador?|true",
      "The ambassador was recalled earlier this year.|When did Moscow recall its ambassador?|true",
      "The ambassador returns next month.|When will the ambassador return?|true",
      "The ambassador left last month.|When will the ambassador return?|false",
      "The ambassador left this week.|What happened this week, and when did the ambassador leave?|false",
      "The ambassador was recalled after the remarks.|When did Moscow recall its ambassador?|false",
      "Forecasters expect the rain to ease on Wednesday.|When will the rain stop?|true",
      "The bridge will reopen on Friday, the council said.|When will the bridge reopen?|true",
      "The council said on Monday that the bridge will reopen.|When will the bridge reopen?|false",
      "The bridge closed on Monday.|When will the bridge reopen?|false"})
  void should_take_a_time_told_relative_to_the_report_as_a_time(String sentence, String question, boolean held) {
    assertThat(AnswerKind.TIME.heldBy(sentence, question)).isEqualTo(held);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "The US will buy the oil.|Which country will buy the Russian oil?|true",
      "Iran will buy the oil.|Which country will buy Iran's oil?|false"})
  void should_take_a_place_for_asked_only_when_the_question_has_it_as_a_word(String sentence, String question,
                                                                             boolean held) {
    assertThat(AnswerKind.PLACE.heldBy(sentence, question)).isEqualTo(held);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Sofia Lindqvist, 58, has run the library since 2016.|true",
      "The 58-year-old librarian retired in May.|true",
      "She joined the library at the age of nineteen.|true",
      "Carter turned 100 on Tuesday.|true",
      "Carter celebrated his 100th birthday.|true",
      "She was born in 1966 in Uppsala.|true",
      "The building from 1912 has a new roof.|true",
      "The library was closed from 2019 to 2021.|false",
      "The old reading hall is open again with 120 study places.|false",
      "Measurements at the gauge began in 1961.|false"})
  void should_hold_an_age_only_when_the_sentence_tells_one(String sentence, boolean held) {
    assertThat(AnswerKind.AGE.heldBy(sentence, "How old is the head librarian?")).isEqualTo(held);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"AGE|true", "QUANTITY|false", "TIME|false", "NAME|false"})
  void should_let_only_a_sentence_of_its_kind_answer_an_age(AnswerKind kind, boolean strict) {
    assertThat(kind.strict()).isEqualTo(strict);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Work on the bridge was halted for five months after engineers found old foundations.|true",
      "Homes were evacuated overnight following three days of rain.|true",
      "The match was postponed amid the protests.|true",
      "The delay was due to the rain.|true",
      "Work is due to begin in September.|false",
      "The council met after the vote.|false",
      "Engineers found old foundations in May.|false",
      "The old reading hall, closed since a leak in 2019, is open again.|true",
      "The old reading hall, closed since 2019, is open again.|false"})
  void should_hold_a_reason_when_the_sentence_gives_one(String sentence, boolean held) {
    assertThat(AnswerKind.REASON.heldBy(sentence, "Why was the work stopped?")).isEqualTo(held);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "The library is open from 8 in the morning until 9 in the evening.|true",
      "Doors close at 9 p.m. on weekdays.|true",
      "The last tram leaves at 23:40.|true",
      "The reading hall, closed since a leak in 2019, is open again.|false",
      "The library closed on Thursday.|false"})
  void should_hold_a_time_of_day_only_when_one_is_asked_for(String sentence, boolean held) {
    assertThat(AnswerKind.TIME.heldBy(sentence, "What time does the library close?")).isEqualTo(held);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "When is the library open on weekends?|true",
      "When are the shops open?|true",
      "When will the tram open?|false",
      "When is the shop scheduled to open its first store?|false"})
  void should_read_when_something_is_open_as_asking_its_hours(String question, boolean hours) {
    assertThat(AnswerKind.TIME.heldBy("The library opened in 2019.", question)).isEqualTo(!hours);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "The flooding of November 2024 also cost the building crews several weeks.|Which river flooded?|false",
      "Schools will stay closed until at least Thursday.|Which schools are closed?|false",
      "Work on the bridge over the Ashwell river was halted.|Which river flooded?|true",
      "The regional transport fund will pay 40 million.|Who will pay for the new bridge?|true",
      "Flight 1282 lost a door plug.|Which flight lost a door plug?|true",
      "The library is open from 8 to 9 on Saturdays and Sundays.|Who is the head librarian?|false"})
  void should_not_take_a_month_a_weekday_or_a_year_for_the_name_asked_for(String sentence, String question,
                                                                          boolean held) {
    assertThat(AnswerKind.NAME.heldBy(sentence, question)).isEqualTo(held);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Every ten minutes, from six in the morning, a tram will run.|Who is paying for the tram?|false",
      "The line will cost 180 million euros.|Who is paying for the tram?|false",
      "The regional government has agreed to cover 30 million euros.|Who is paying for the tram?|true",
      "The line will cost 180 million euros, of which the city pays half.|Who is paying for the tram?|true",
      "Maria Olsen steered the project.|Who steered the tram project?|true",
      "The line will have 14 stops.|Which line will have 14 stops?|false",
      "The line will have 14 stops.|Which line has the most stops?|true"})
  void should_take_a_person_or_a_body_of_people_not_a_figure_for_whom_a_question_asks(String sentence,
                                                                                       String question,
                                                                                       boolean held) {
    assertThat(AnswerKind.NAME.heldBy(sentence, question)).isEqualTo(held);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "The water level reached 4.8 metres on Tuesday.|How high did the river get?|true",
      "The tower is 330m tall.|How tall is the tower?|true",
      "The new embankments will run for 3.5 kilometres.|How long are the new embankments?|true",
      "The eclipse will last 3 minutes, 49 seconds in Indianapolis.|How long will the eclipse last?|true",
      "Cronk has trained horses there since 1969.|How long has Cronk trained horses?|true",
      "Buses on route 7 will run every twenty minutes.|How long is the tram route?|false",
      "The bus takes twenty minutes, every day.|How long is the bus trip?|true",
      "The route now runs over 9.6 kilometres.|How long is the tram route?|true",
      "The tram will open two years late.|How long is the tram route?|false",
      "The flight takes six hours.|How long is the flight?|true",
      "About 240 homes were evacuated after the river rose above its banks.|How high did the river get?|false",
      "The river will stay high for several days.|How high did the river get?|false",
      "The river rose 4.8 metres.|Did the river rise 4.8 metres, and how high is the bank?|false",
      "About 240 homes were evacuated.|How many homes were evacuated?|true",
      "Every ten minutes a tram will connect the suburbs with the centre.|How often will the trams run?|true",
      "The ferry sails twice a week in winter.|How often does the ferry sail?|true",
      "The board meets three times a year.|How often does the board meet?|true",
      "Trains will run hourly on Sundays.|How often will trains run on Sundays?|true",
      "The tram will carry 28,000 passengers.|How often will the trams run?|false",
      "The trip takes ten minutes.|How often will the trams run?|false"})
  void should_hold_a_size_only_with_its_unit_when_a_size_is_asked_for(String sentence, String question, boolean held) {
    assertThat(AnswerKind.QUANTITY.heldBy(sentence, question)).isEqualTo(held);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "At the Golden Globes, Oppenheimer won five awards.|true",
      "Winners of the Golden Globes were announced.|false"})
  void should_not_take_another_form_of_a_name_the_question_holds_for_a_new_name(String sentence, boolean held) {
    assertThat(AnswerKind.NAME.heldBy(sentence, "Which movie won at the Golden Globe Awards?")).isEqualTo(held);
  }
}

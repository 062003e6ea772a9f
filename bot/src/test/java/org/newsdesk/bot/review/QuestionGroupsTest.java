package org.newsdesk.bot.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsdesk.bot.review.QuestionGroups.Phrasing;

/** Complete-linkage grouping of phrasings, on vectors whose similarities are known exactly. */
class QuestionGroupsTest {
  /** A unit vector in the plane at {@code degrees}: two of them are cos(the angle between) alike. */
  private static float[] at(double degrees) {
    double r = Math.toRadians(degrees);
    return new float[] {(float) Math.cos(r), (float) Math.sin(r)};
  }

  private static List<String> rows(List<List<Phrasing>> groups) {
    return groups.stream().map(g -> QuestionGroups.count(g) + " " + g.stream().map(Phrasing::asked).toList()).toList();
  }

  @Test
  void should_not_chain_two_needs_into_one_when_a_phrasing_sits_between_them() {
    Phrasing opening = new Phrasing("when does the tram open", 1, at(0));
    Phrasing between = new Phrasing("tram start?", 1, at(30));
    Phrasing fare = new Phrasing("tram fare?", 1, at(60));

    List<List<Phrasing>> groups = QuestionGroups.group(List.of(opening, between, fare), 0.8);

    // cos 30° = 0.87 links each neighbour, but cos 60° = 0.5 keeps the ends apart.
    assertThat(rows(groups)).containsExactly("2 [when does the tram open, tram start?]", "1 [tram fare?]");
  }

  @Test
  void should_lead_with_the_most_asked_phrasing_and_order_groups_by_questions_when_grouping() {
    List<Phrasing> phrasings = List.of(
        new Phrasing("library price tag?", 1, at(10)),
        new Phrasing("Who owns the stadium?", 4, at(90)),
        new Phrasing("how much did the library cost", 3, at(0)),
        new Phrasing("What was the cost of the new library?", 2, at(5)),
        new Phrasing("Is the bridge closed?", 2, null),
        new Phrasing("Who is the owner of the stadium?", 1, at(95)),
        new Phrasing("library spending?", 1, at(3)));

    List<List<Phrasing>> groups = QuestionGroups.group(phrasings, 0.9);

    assertThat(rows(groups)).containsExactly(
        "7 [how much did the library cost, What was the cost of the new library?, library spending?,"
            + " library price tag?]",
        "5 [Who owns the stadium?, Who is the owner of the stadium?]",
        "2 [Is the bridge closed?]");
  }

  @Test
  void should_keep_a_phrasing_without_a_vector_apart_even_from_its_own_words() {
    Phrasing asked = new Phrasing("Who owns the stadium?", 1, at(0));
    Phrasing unknown = new Phrasing("Who owns the stadium now?", 1, null);

    assertThat(rows(QuestionGroups.group(List.of(asked, unknown), 0.5)))
        .containsExactly("1 [Who owns the stadium now?]", "1 [Who owns the stadium?]");
  }
}

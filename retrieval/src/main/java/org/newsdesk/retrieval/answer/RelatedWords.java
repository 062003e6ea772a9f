package org.newsdesk.retrieval.answer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Small groups of words that news reports use in place of a question's word: "blamed for" is
 * reported as "accused of" or "its role in", "reply" as "response". Matching through a group counts
 * less than the question's own word ({@link SentenceRanker#RELATED_CREDIT}). Written as words,
 * matched as the index's analysis stems them ({@link Terms}).
 */
final class RelatedWords {
  private static final List<List<String>> GROUPS = List.of(
      List.of("blamed", "accused", "responsible", "role", "culprit", "fault"),
      List.of("reply", "respond", "response", "answer", "retort", "react", "reaction"),
      List.of("kill", "killer", "murder", "assassin"),
      List.of("meet", "met", "summit", "talks"),
      List.of("speak", "spoke", "spoken", "talked", "phoned", "called"),
      List.of("attack", "invasion", "invade", "assault"),
      List.of("warn", "threaten", "threat"),
      List.of("leave", "resign", "quit", "departure"),
      List.of("buy", "bought", "purchase", "acquire", "acquisition"),
      List.of("build", "built", "construction"),
      List.of("cost", "price"),
      List.of("hurt", "injured", "injury", "wounded", "harmed"),
      List.of("stop", "ease", "cease", "halt", "subside"),
      List.of("pay", "paid", "cover", "fund", "finance"),
      List.of("extra", "additional"),
      List.of("charge", "lead", "leader", "head", "director", "chief", "boss"),
      List.of("take", "took", "taken"),
      List.of("people", "residents", "households", "families", "inhabitants"),
      List.of("open", "start", "begin", "began", "begun", "launch", "inaugurate", "run", "carry"),
      List.of("open", "closed", "shut", "reopen"),
      List.of("peak", "peaked", "highest", "crest", "crested"),
      List.of("bike", "bicycle"),
      // Words of one family that the stemmer cuts apart ("oppos", "oppon").
      List.of("oppose", "opponent", "opposition"),
      // Past forms the stemmer does not bring back to their verb.
      List.of("spend", "spent"), List.of("win", "won"), List.of("lose", "lost"), List.of("hold", "held"),
      List.of("sell", "sold"), List.of("tell", "told"), List.of("give", "gave", "given"),
      List.of("come", "came"), List.of("fall", "fell", "fallen"), List.of("send", "sent"), List.of("keep", "kept"),
      List.of("flee", "fled"), List.of("choose", "chose", "chosen"), List.of("write", "wrote", "written"),
      List.of("steal", "stole", "stolen"), List.of("shoot", "shot"), List.of("strike", "struck"),
      List.of("fly", "flew", "flown"), List.of("grow", "grew", "grown"), List.of("break", "broke", "broken"),
      List.of("bring", "brought"), List.of("fight", "fought"), List.of("seek", "sought"), List.of("catch", "caught"),
      List.of("drive", "drove", "driven"), List.of("sink", "sank", "sunk"), List.of("withdraw", "withdrew", "withdrawn"));

  private static final Map<String, Set<String>> RELATED = index();

  private RelatedWords() {}

  /** The stems reported in place of {@code stem} (not including it); empty when it has none. */
  static Set<String> of(String stem) {
    return RELATED.getOrDefault(stem, Set.of());
  }

  private static Map<String, Set<String>> index() {
    Map<String, java.util.HashSet<String>> m = new HashMap<>();
    for (List<String> words : GROUPS) {
      List<String> g = words.stream().map(Terms::stem).toList();
      for (String s : g) {
        for (String t : g) if (!t.equals(s)) m.computeIfAbsent(s, k -> new java.util.HashSet<>()).add(t);
      }
    }
    Map<String, Set<String>> out = new HashMap<>();
    m.forEach((k, v) -> out.put(k, Set.copyOf(v)));
    return Map.copyOf(out);
  }
}

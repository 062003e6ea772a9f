package org.newsdesk.retrieval.answer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Small groups of words that news reports use in place of a question's word: "blamed for" is
 * reported as "accused of" or "its role in", "reply" as "response". Matching through a group counts
 * less than the question's own word ({@link ExtractiveComposer#RELATED_CREDIT}). Stems, as
 * {@link Terms} makes them.
 */
final class RelatedWords {
  private static final List<List<String>> GROUPS = List.of(
      List.of("blame", "accus", "respons", "role", "culprit", "fault"),
      List.of("repli", "respond", "respons", "answer", "retort", "react", "reaction"),
      List.of("kill", "killer", "murder", "assassin"),
      List.of("meet", "summit", "talk"),
      List.of("attack", "invas", "invad", "assault"),
      List.of("warn", "threaten", "threat"),
      List.of("leav", "resign", "quit", "departur"),
      List.of("buy", "purchas", "acquir", "acquisit"),
      List.of("build", "built", "construct"),
      List.of("cost", "price"),
      List.of("open", "start", "begin", "launch", "inaugur"));

  private static final Map<String, Set<String>> RELATED = index();

  private RelatedWords() {}

  /** The stems reported in place of {@code stem} (not including it); empty when it has none. */
  static Set<String> of(String stem) {
    return RELATED.getOrDefault(stem, Set.of());
  }

  private static Map<String, Set<String>> index() {
    Map<String, java.util.HashSet<String>> m = new HashMap<>();
    for (List<String> g : GROUPS) {
      for (String s : g) {
        for (String t : g) if (!t.equals(s)) m.computeIfAbsent(s, k -> new java.util.HashSet<>()).add(t);
      }
    }
    Map<String, Set<String>> out = new HashMap<>();
    m.forEach((k, v) -> out.put(k, Set.copyOf(v)));
    return Map.copyOf(out);
  }
}

package org.newsdesk.bot.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups the distinct phrasings of unanswered questions by meaning: complete-linkage agglomerative
 * clustering by cosine similarity, stopped at {@link #SIMILARITY}. Every two phrasings of a group are
 * at least that alike, so one phrasing that sits between two needs never chains them into one row
 * (as single linkage would, or a greedy pass whose groups depend on the order questions came in).
 * The result does not depend on the order of the phrasings but for exact ties.
 *
 * <p>Cost: the similarity of every pair (n² / 2 dot products, n² floats of memory), then the merges
 * by a nearest-neighbour chain in O(n²); the insights page caps n ({@link QuestionGrouping}).
 */
final class QuestionGroups {
  /**
   * Cosine similarity at which two phrasings count as one need, for bge-small-en-v1.5 vectors of the
   * plain question. Chosen on the hand-made paraphrases and near misses of
   * {@code bot/src/test/resources/insights/paraphrases-tuning.txt} as the best F0.5 (a wrong merge
   * hides a need, which is worse than a need shown twice): pairwise precision 0.90 and recall 0.83
   * there, 0.96 and 0.73 on the held-out set; the sweep is in docs/BENCHMARKS.md. Another model
   * needs its own measurement.
   */
  static final double SIMILARITY = 0.77;

  private QuestionGroups() {}

  /**
   * A distinct question (its words normalised): as a reader put it, how many questions asked it,
   * and its vector of length 1, or null when it has none (it then stays a group of its own).
   */
  record Phrasing(String asked, long count, float[] vector) {}

  /**
   * The phrasings in groups of one need: in each group the most asked phrasing first (ties: the one
   * nearest to the others, then the first given), then the others the same way; groups ordered by
   * how many questions they hold, then by their first phrasing.
   */
  static List<List<Phrasing>> group(List<Phrasing> phrasings, double similarity) {
    List<Phrasing> withVectors = new ArrayList<>();
    List<List<Phrasing>> groups = new ArrayList<>();
    for (Phrasing p : phrasings) {
      if (p.vector() == null) groups.add(List.of(p));
      else withVectors.add(p);
    }
    for (List<Integer> members : cluster(withVectors, similarity)) {
      List<Phrasing> group = new ArrayList<>();
      members.sort(null); // as given, for the ties of ordered()
      for (int i : members) group.add(withVectors.get(i));
      groups.add(ordered(group));
    }
    groups.sort(Comparator.<List<Phrasing>>comparingLong(g -> -count(g)).thenComparing(g -> g.get(0).asked()));
    return groups;
  }

  /** How many questions the group holds. */
  static long count(List<Phrasing> group) {
    return group.stream().mapToLong(Phrasing::count).sum();
  }

  /**
   * Complete-linkage clusters of the vectors' indexes at {@code similarity}: a nearest-neighbour
   * chain over the similarity matrix, merging reciprocal nearest neighbours whose linkage reaches
   * the threshold; a chain whose top has no neighbour that near is finished whole, since complete
   * linkage never brings a merged group nearer to anything than its parts were.
   */
  private static List<List<Integer>> cluster(List<Phrasing> phrasings, double similarity) {
    int n = phrasings.size();
    float[][] sim = new float[n][n];
    for (int i = 0; i < n; i++) {
      float[] a = phrasings.get(i).vector();
      for (int j = 0; j < i; j++) {
        float s = dot(a, phrasings.get(j).vector());
        sim[i][j] = s;
        sim[j][i] = s;
      }
    }
    boolean[] active = new boolean[n];
    java.util.Arrays.fill(active, true);
    List<List<Integer>> members = new ArrayList<>();
    for (int i = 0; i < n; i++) members.add(new ArrayList<>(List.of(i)));
    List<List<Integer>> done = new ArrayList<>();
    int[] chain = new int[n];
    int top = 0;
    int next = 0; // no index below it is active
    int remaining = n;
    while (remaining > 0) {
      if (top == 0) {
        while (!active[next]) next++;
        chain[top++] = next;
      }
      int a = chain[top - 1];
      int previous = top > 1 ? chain[top - 2] : -1;
      int nearest = previous;
      float best = previous >= 0 ? sim[a][previous] : Float.NEGATIVE_INFINITY;
      for (int k = 0; k < n; k++) {
        if (active[k] && k != a && sim[a][k] > best) {
          best = sim[a][k];
          nearest = k;
        }
      }
      if (nearest < 0 || best < similarity) {
        for (int i = 0; i < top; i++) {
          active[chain[i]] = false;
          done.add(members.get(chain[i]));
          remaining--;
        }
        top = 0;
      } else if (nearest == previous) {
        top -= 2;
        for (int k = 0; k < n; k++) {
          if (active[k]) {
            float s = Math.min(sim[a][k], sim[previous][k]);
            sim[a][k] = s;
            sim[k][a] = s;
          }
        }
        active[previous] = false;
        members.get(a).addAll(members.get(previous));
        remaining--;
      } else {
        chain[top++] = nearest;
      }
    }
    return done;
  }

  /** The group's phrasings, most asked first; ties by mean similarity to the others, then as given. */
  private static List<Phrasing> ordered(List<Phrasing> group) {
    double[] centrality = new double[group.size()];
    for (int i = 0; i < group.size(); i++) {
      for (int j = 0; j < group.size(); j++) {
        if (i != j) centrality[i] += dot(group.get(i).vector(), group.get(j).vector());
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < group.size(); i++) order.add(i);
    order.sort(Comparator.<Integer>comparingLong(i -> -group.get(i).count())
        .thenComparingDouble(i -> -centrality[i]));
    return order.stream().map(group::get).toList();
  }

  /**
   * The dot product, in four independent sums: the JIT cannot reorder one float sum, and four let
   * the processor overlap them (about three times faster on 384 dimensions; the matrix is most of
   * the work).
   */
  private static float dot(float[] a, float[] b) {
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int i = 0;
    for (int end = a.length - 3; i < end; i += 4) {
      s0 += a[i] * b[i];
      s1 += a[i + 1] * b[i + 1];
      s2 += a[i + 2] * b[i + 2];
      s3 += a[i + 3] * b[i + 3];
    }
    for (; i < a.length; i++) s0 += a[i] * b[i];
    return (s0 + s1) + (s2 + s3);
  }
}

package io.cogentx.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The fusion settings a {@code --sweep} evaluates besides the chosen one. */
final class FusionGrid {

  private static final int[] RRF_KS = {1, 2, 5, 10, 20, 30, 40, 60, 80, 100, 150, 200, 300};
  private static final double[] VECTOR_WEIGHTS = {0.5, 0.67, 0.8, 1.25, 1.5, 2.0, 3.0};
  private static final int[] WEIGHTED_KS = {10, 20, 60};
  private static final int[] CANDIDATES = {10, 20, 30, 50, 75, 100, 200};
  private static final int[] CONVEX_CANDIDATES = {20, 50, 100, 200};

  private FusionGrid() {}

  static List<FusionSettings> settings() {
    LinkedHashSet<FusionSettings> grid = new LinkedHashSet<>();
    int rrfCandidates = 50; // the usual RRF setting, and the default before convex fusion
    for (int k : RRF_KS) {
      grid.add(FusionSettings.rrf(k, 1, 1, rrfCandidates));
    }
    for (int k : WEIGHTED_KS) {
      for (double w : VECTOR_WEIGHTS) {
        grid.add(FusionSettings.rrf(k, 1, w, rrfCandidates));
      }
    }
    for (int c : CANDIDATES) {
      grid.add(FusionSettings.rrf(60, 1, 1, c));
      grid.add(FusionSettings.rrf(20, 1, 1, c));
    }
    for (int c : CONVEX_CANDIDATES) {
      for (int a = 1; a <= 9; a++) {
        grid.add(FusionSettings.convex(a / 10.0, c));
      }
    }
    return new ArrayList<>(grid);
  }
}

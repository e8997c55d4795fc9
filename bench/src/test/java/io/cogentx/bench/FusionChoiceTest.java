package io.cogentx.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FusionChoiceTest {

  @Test
  void choosesTheHighestMeanOfTheTwoDevelopmentScores() {
    Map<String, Double> scifact = Map.of("current", 0.70, "a", 0.74, "b", 0.69);
    Map<String, Double> squad = Map.of("current", 0.80, "a", 0.77, "b", 0.85);
    // means: current 0.75, a 0.755, b 0.77
    List<FusionChoice.Scored> ranked = FusionChoice.choose(scifact, squad, "current");
    assertThat(ranked).extracting(FusionChoice.Scored::label).containsExactly("b", "a", "current");
  }

  @Test
  void aTieKeepsTheCurrentDefault() {
    Map<String, Double> scifact = new LinkedHashMap<>();
    scifact.put("a", 0.70);
    scifact.put("current", 0.60);
    Map<String, Double> squad = Map.of("a", 0.60, "current", 0.70);
    assertThat(FusionChoice.choose(scifact, squad, "current").get(0).label()).isEqualTo("current");
  }

  @Test
  void onlySettingsBothSweepsEvaluatedCompete() {
    Map<String, Double> scifact = Map.of("current", 0.5, "only-scifact", 0.99);
    Map<String, Double> squad = Map.of("current", 0.5, "only-squad", 0.99);
    assertThat(FusionChoice.choose(scifact, squad, "current"))
        .extracting(FusionChoice.Scored::label)
        .containsExactly("current");
  }

  @Test
  void refusesSweepsWithoutTheCurrentDefault() {
    assertThatThrownBy(() -> FusionChoice.choose(Map.of("a", 1.0), Map.of("a", 1.0), "current"))
        .isInstanceOf(IllegalStateException.class);
  }
}

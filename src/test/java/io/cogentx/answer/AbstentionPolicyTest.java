package io.cogentx.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.cogentx.retrieval.Retriever.Retrieval;
import io.cogentx.retrieval.Vocabulary;
import io.cogentx.spi.Chunk;
import io.cogentx.spi.ScoredChunk;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AbstentionPolicyTest {

  private static ScoredChunk hit(String text, float score) {
    return new ScoredChunk(
        new Chunk("d", "Lighthouses", 0, text, 0, text.length(), null, null, null, null), score);
  }

  /** A session of {@code chunks} chunks in which each word is held by the given number of them. */
  private static Vocabulary vocabulary(int chunks, Map<String, Integer> documentFrequencies) {
    return new Vocabulary() {
      @Override
      public int chunks() {
        return chunks;
      }

      @Override
      public int[] documentFrequencies(List<String> words) {
        return words.stream().mapToInt(w -> documentFrequencies.getOrDefault(w, 0)).toArray();
      }
    };
  }

  private static List<AbstentionPolicy.Word> unweighted(String question) {
    return Terms.of(question).stream().map(s -> new AbstentionPolicy.Word(s, 1, false)).toList();
  }

  /** A session about lighthouses: 100 chunks, most words common in it. */
  private static final Vocabulary LIGHTHOUSES =
      vocabulary(
          100,
          Map.of(
              "lighthouses",
              60,
              "oil",
              30,
              "burn",
              20,
              "burned",
              20,
              "whale",
              10,
              "keepers",
              25,
              "lamps",
              15));

  @Test
  void coverageIsTheShareOfQuestionWordsInOneSentenceOfTheBestPassages() {
    List<ScoredChunk> hits =
        List.of(
            hit("Bees dance.", 0.3f),
            hit("Lamps burned whale oil. Later paraffin replaced it in lamps.", 0.6f),
            hit("Paraffin replaced whale oil in lamps.", 0.6f));
    // "lighthouse" comes from the title, the rest from the third passage's one sentence
    assertThat(
            AbstentionPolicy.coverage(unweighted("What replaced whale oil in lighthouses?"), hits))
        .isEqualTo(1.0);
    // the second passage has the words, but never together in one sentence
    assertThat(
            AbstentionPolicy.coverage(
                unweighted("What replaced whale oil in lighthouses?"), hits.subList(0, 2)))
        .isEqualTo(0.75);
    assertThat(AbstentionPolicy.coverage(unweighted("Who painted the Mona Lisa?"), hits)).isZero();
    assertThat(AbstentionPolicy.coverage(List.of(), hits)).isZero();
  }

  @Test
  void wordsWeighTheirRarityInTheSessionAndUnseenOnesWeighMost() throws Exception {
    List<AbstentionPolicy.Word> words =
        AbstentionPolicy.words("Did lighthouses burn whale oil in Zanzibar?", LIGHTHOUSES);

    assertThat(words)
        .extracting(AbstentionPolicy.Word::stem)
        .containsExactly("lighthous", "burn", "whal", "oil", "zanzibar");
    assertThat(words.get(0).weight()).isLessThan(words.get(3).weight()); // 60 chunks vs 30
    assertThat(words.get(3).weight()).isLessThan(words.get(2).weight()); // 30 vs 10
    assertThat(words.get(4).weight()).isGreaterThan(words.get(2).weight()); // never seen
    assertThat(words)
        .extracting(AbstentionPolicy.Word::unseen)
        .containsExactly(false, false, false, false, true);
    assertThat(words.get(4).weight()).isEqualTo(Math.log(1 + 100.5 / 0.5));
    assertThat(words.get(0).weight()).isEqualTo(Math.log(1 + 100.5 / 60.5));
  }

  @Test
  void aQuestionWhoseRareWordsTheSessionLacksAbstainsThoughItsCommonWordsAreCovered()
      throws Exception {
    List<ScoredChunk> passage = List.of(hit("Keepers burned whale oil in the lamps.", 0.03f));
    Retrieval retrieval =
        new Retrieval(
            passage, List.of(), List.of(hit(passage.get(0).chunk().text(), 0.40f)), LIGHTHOUSES);
    String elsewhere = "Which sultan of Zanzibar burned whale oil?";

    // unweighted, four of five words are in one sentence
    assertThat(AbstentionPolicy.coverage(unweighted(elsewhere), passage)).isEqualTo(0.6);
    // "sultan" and "Zanzibar" occur in no chunk of the session and outweigh the rest
    AbstentionPolicy.Evidence evidence = AbstentionPolicy.evidence(elsewhere, retrieval);
    assertThat(evidence.coverage()).isLessThan(0.35);
    assertThat(AbstentionPolicy.CALIBRATED.abstains(evidence)).isTrue();

    // the same passage answers a question the session's own words make
    assertThat(
            AbstentionPolicy.CALIBRATED.abstains(
                AbstentionPolicy.evidence("What did keepers burn in the lamps?", retrieval)))
        .isFalse();
  }

  @Test
  void inASessionOfOneChunkAnUnseenCommonWordDoesNotSinkAnAnswerableQuestion() throws Exception {
    String text = "A supply boat reached the rock once a fortnight when the sea allowed.";
    Vocabulary oneChunk =
        vocabulary(1, Map.of("supply", 1, "boat", 1, "reach", 1, "reached", 1, "rock", 1));
    Retrieval retrieval =
        new Retrieval(List.of(hit(text, 0.03f)), List.of(), List.of(hit(text, 0.45f)), oneChunk);

    // "often" is in no chunk: it weighs twice a word the chunk holds, not five times
    AbstentionPolicy.Evidence evidence =
        AbstentionPolicy.evidence("How often did the supply boat reach the rock?", retrieval);
    assertThat(evidence.coverage()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(AbstentionPolicy.CALIBRATED.abstains(evidence)).isFalse();
  }

  @Test
  void anUnseenWordMatchesASentenceWordOneEditAwayASeenWordDoesNot() throws Exception {
    List<ScoredChunk> hits = List.of(hit("Keepers purchased whale oil.", 0.5f));
    String typo = "What did keepers purhcase?";

    // "purhcase" is in no chunk: taken for "purchased"
    assertThat(AbstentionPolicy.coverage(AbstentionPolicy.words(typo, LIGHTHOUSES), hits))
        .isEqualTo(1.0);
    // a word the session does hold must match as spelled
    Vocabulary knowsIt = vocabulary(100, Map.of("keepers", 25, "purhcase", 3));
    assertThat(AbstentionPolicy.coverage(AbstentionPolicy.words(typo, knowsIt), hits))
        .isLessThan(0.5);
    // "keepres" is one edit from "keeper" (as stems); an unseen word under five letters must match
    // as spelled
    assertThat(
            AbstentionPolicy.coverage(
                AbstentionPolicy.words("Who are keepres?", LIGHTHOUSES), hits))
        .isEqualTo(1.0);
    assertThat(AbstentionPolicy.coverage(AbstentionPolicy.words("What is oyl?", LIGHTHOUSES), hits))
        .isZero();
  }

  @Test
  void oneEditApartIsOneInsertionDeletionSubstitutionOrAdjacentSwap() {
    assertThat(AbstentionPolicy.oneEditApart("purchas", "purhcas")).isTrue(); // swap
    assertThat(AbstentionPolicy.oneEditApart("betwen", "between")).isTrue(); // insertion
    assertThat(AbstentionPolicy.oneEditApart("between", "betwen")).isTrue(); // deletion
    assertThat(AbstentionPolicy.oneEditApart("bismark", "bismarc")).isTrue(); // substitution
    assertThat(AbstentionPolicy.oneEditApart("bismark", "bismark")).isFalse(); // equal
    assertThat(AbstentionPolicy.oneEditApart("disclipin", "disciplin")).isFalse(); // two edits
    assertThat(AbstentionPolicy.oneEditApart("ab", "abcd")).isFalse();
    assertThat(AbstentionPolicy.oneEditApart("abcd", "abdc")).isTrue();
    assertThat(AbstentionPolicy.oneEditApart("abcd", "bacd")).isTrue();
    assertThat(AbstentionPolicy.oneEditApart("abcd", "badc")).isFalse();
  }

  @Test
  void weakEvidenceAbstainsAndStrongEvidenceAnswers() throws Exception {
    AbstentionPolicy policy = AbstentionPolicy.CALIBRATED;
    Retrieval strong =
        new Retrieval(
            List.of(hit("Paraffin replaced whale oil.", 0.03f)),
            List.of(),
            List.of(hit("Paraffin replaced whale oil.", 0.62f)),
            LIGHTHOUSES);
    Retrieval weak =
        new Retrieval(
            List.of(hit("Paraffin replaced whale oil.", 0.03f)),
            List.of(),
            List.of(hit("Paraffin replaced whale oil.", 0.12f)),
            LIGHTHOUSES);

    assertThat(policy.abstains(AbstentionPolicy.evidence("What replaced whale oil?", strong)))
        .isFalse();
    assertThat(policy.abstains(AbstentionPolicy.evidence("Who painted the Mona Lisa?", weak)))
        .isTrue();
  }

  @Test
  void aMismatchAbstainsOnlyWhenChecked_andOnlyWhenTheSentenceCoversEnoughOfTheQuestion()
      throws Exception {
    String text = "On October 16, 1973, OPEC raised the posted price of oil by 70 percent.";
    Vocabulary oil = vocabulary(50, Map.of("opec", 5, "oil", 20, "price", 10, "raised", 3));
    Retrieval retrieval =
        new Retrieval(List.of(hit(text, 0.03f)), List.of(), List.of(hit(text, 0.7f)), oil);
    String otherYear = "By how much did OPEC raise the price of oil in 1978?";

    AbstentionPolicy.Evidence evidence = AbstentionPolicy.evidence(otherYear, retrieval);
    assertThat(evidence.mismatches()).containsExactly(Mismatch.YEAR);
    assertThat(evidence.coverage()).isGreaterThan(0.5);
    // topic evidence alone would answer
    assertThat(new AbstentionPolicy(0.63, 0.55).abstains(evidence)).isFalse();
    assertThat(AbstentionPolicy.CALIBRATED.abstains(evidence)).isTrue();
    assertThat(
            new AbstentionPolicy(0.63, 0.55, java.util.Set.of(Mismatch.NEGATION), 0.5)
                .abstains(evidence))
        .isFalse();
    // a mismatch with a sentence that covers too little of the question does not count
    assertThat(
            new AbstentionPolicy(0.63, 0.55, java.util.Set.of(Mismatch.YEAR), 0.99)
                .abstains(evidence))
        .isFalse();
    // the same question about the sentence's own year is answered
    assertThat(
            AbstentionPolicy.CALIBRATED.abstains(
                AbstentionPolicy.evidence(
                    "By how much did OPEC raise the price of oil in 1973?", retrieval)))
        .isFalse();
  }
}

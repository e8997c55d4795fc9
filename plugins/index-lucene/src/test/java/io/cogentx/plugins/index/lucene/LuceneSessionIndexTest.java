package io.cogentx.plugins.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.cogentx.spi.IndexBackendProvider;
import io.cogentx.spi.ScoredChunk;
import io.cogentx.spi.contract.SessionIndexContract;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SPI's contract, plus what only Lucene does: English stemming, candidates without their text.
 */
class LuceneSessionIndexTest extends SessionIndexContract {

  @Override
  protected IndexBackendProvider provider() {
    return new LuceneIndexBackendProvider();
  }

  @Test
  void keywordSearchStemsEnglishAndFindsNothingForStopWordsOnly() throws Exception {
    index.add(
        List.of(chunk("a", 0, "Zygotes were dividing quickly."), chunk("b", 0, "Nothing here.")),
        vectors(2));

    assertThat(index.keywordSearch("zygote divides", 5))
        .extracting(h -> h.chunk().documentId())
        .containsExactly("a");
    assertThat(index.keywordSearch("the and of", 5)).isEmpty();
    assertThat(index.keywordSearch("", 5)).isEmpty();
    assertThat(index.keywordSearch("   ?!  ", 5)).isEmpty();
  }

  @Test
  void candidatesComeWithoutTextWhichIsReadForTheHitsKeptAndNotForDeletedOnes() throws Exception {
    index.add(List.of(chunk("a", 0, "harbour lantern"), chunk("b", 0, "harbour bell")), vectors(2));

    List<ScoredChunk> candidates = index.keywordCandidates("harbour", 5);
    assertThat(candidates).extracting(h -> h.chunk().text()).containsOnly("");
    index.deleteDocument("b");

    assertThat(index.withText(candidates))
        .extracting(h -> h.chunk().text())
        .containsExactly("harbour lantern");
  }
}

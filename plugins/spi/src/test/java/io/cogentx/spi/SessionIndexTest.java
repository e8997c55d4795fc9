package io.cogentx.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SessionIndexTest {

  /** Keyword search only: a chunk matches when it holds a query word. */
  private static final class KeywordOnly implements SessionIndex {
    final List<Chunk> chunks = new ArrayList<>();

    @Override
    public IndexSpec spec() {
      return IndexSpec.inMemory("m", 1);
    }

    @Override
    public void add(List<Chunk> added, float[][] vectors) {
      chunks.addAll(added);
    }

    @Override
    public void addVectors(List<Chunk> embedded, float[][] vectors) {}

    @Override
    public int deleteDocument(String documentId) {
      return 0;
    }

    @Override
    public List<ScoredChunk> vectorSearch(float[] query, int k) {
      return List.of();
    }

    @Override
    public List<ScoredChunk> keywordSearch(String query, int k) {
      List<String> words = List.of(query.toLowerCase(Locale.ROOT).split("\\W+"));
      return chunks.stream()
          .filter(c -> words.stream().anyMatch(w -> c.text().toLowerCase(Locale.ROOT).contains(w)))
          .limit(k)
          .map(c -> new ScoredChunk(c, 1f))
          .toList();
    }

    @Override
    public int size() {
      return chunks.size();
    }

    @Override
    public long ramBytesUsed() {
      return 0;
    }

    @Override
    public void close() {}
  }

  private static Chunk chunk(String text) {
    return new Chunk("d", null, 0, text, 0, text.length(), null, null, null, null);
  }

  @Test
  void defaultDocumentFrequenciesCountWhatKeywordSearchFindsForEachWord() throws Exception {
    KeywordOnly index = new KeywordOnly();
    assertThat(index.documentFrequencies(List.of("apple"))).containsExactly(0);

    index.add(List.of(chunk("apple pie"), chunk("apple tree"), chunk("pear")), new float[3][]);

    assertThat(index.documentFrequencies(List.of("apple", "pear", "plum")))
        .containsExactly(2, 1, 0);
  }
}

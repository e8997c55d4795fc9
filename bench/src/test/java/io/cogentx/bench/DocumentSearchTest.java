package io.cogentx.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.cogentx.retrieval.Retriever;
import io.cogentx.retrieval.SearchMode;
import io.cogentx.spi.Chunk;
import io.cogentx.spi.Embedder;
import io.cogentx.spi.IndexSpec;
import io.cogentx.spi.SessionIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link DocumentSearch} ranks documents exactly as the retriever's chunk ranking does, a document
 * at its best chunk, even when one document's chunks fill the first pages of results; on the real
 * Lucene backend, in every mode.
 */
class DocumentSearchTest {

  /** Eight letters' counts, normalised: similar words, similar vectors; enough for a ranking. */
  private static final class LetterEmbedder implements Embedder {

    @Override
    public String modelName() {
      return "letters";
    }

    @Override
    public int dimension() {
      return 8;
    }

    @Override
    public int maxTokens() {
      return 512;
    }

    @Override
    public int countTokens(String text) {
      return text.split("\\s+").length;
    }

    @Override
    public float[][] embed(List<String> texts) {
      float[][] out = new float[texts.size()][];
      for (int i = 0; i < texts.size(); i++) {
        float[] v = new float[8];
        for (char c : texts.get(i).toLowerCase(Locale.ROOT).toCharArray()) {
          if (c >= 'a' && c <= 'z') {
            v[c % 8] += 1;
          }
        }
        double norm = 0;
        for (float x : v) {
          norm += x * x;
        }
        for (int d = 0; d < 8; d++) {
          v[d] = norm == 0 ? (d == 0 ? 1 : 0) : (float) (v[d] / Math.sqrt(norm));
        }
        out[i] = v;
      }
      return out;
    }
  }

  @ParameterizedTest
  @EnumSource(SearchMode.class)
  void ranksDocumentsAsTheirBestChunksRankEvenPastManyChunksOfOneDocument(SearchMode mode)
      throws Exception {
    Embedder embedder = new LetterEmbedder();
    Retriever retriever = new Retriever(embedder);
    try (SessionIndex index = Plugins.backend("lucene").open(IndexSpec.inMemory("letters", 8))) {
      List<Chunk> chunks = new ArrayList<>();
      // "big" has 30 chunks all about whales: they fill the first pages of whale results
      for (int i = 0; i < 30; i++) {
        chunks.add(chunk("big", i, "whale oil whale lamps whale ships " + i));
      }
      chunks.add(chunk("kerosene", 0, "kerosene replaced whale oil in lamps"));
      chunks.add(chunk("ships", 0, "whaling ships sailed from Nantucket"));
      chunks.add(chunk("bread", 0, "bread is baked from flour and water"));
      chunks.add(chunk("bread", 1, "a whale of a loaf"));
      index.add(chunks, embedder.embed(chunks.stream().map(Chunk::text).toList()));

      String query = "whale oil lamps";
      List<String> all = RankingMetrics.documents(retriever.search(index, query, 50, mode));
      assertThat(all).hasSizeGreaterThanOrEqualTo(3);
      for (int n = 1; n <= all.size(); n++) {
        List<String> top = DocumentSearch.top(retriever, index, query, mode, n);
        assertThat(top).as("top %d documents in %s mode", n, mode).isEqualTo(all.subList(0, n));
      }
      // asking for more documents than the index holds returns all it found, and ends
      assertThat(DocumentSearch.top(retriever, index, query, mode, 10)).isEqualTo(all);
    }
  }

  private static Chunk chunk(String document, int position, String text) {
    return new Chunk(document, document, position, text, 0, text.length(), null, null, null, null);
  }
}

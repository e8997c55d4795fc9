package io.cogentx.plugins.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.cogentx.spi.Chunk;
import io.cogentx.spi.IndexSpec;
import io.cogentx.spi.ScoredChunk;
import io.cogentx.spi.SessionIndex;
import io.cogentx.spi.contract.TestVectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The approximate (HNSW) vector search finds what an exhaustive search finds. */
class HnswRecallTest {

  private static final int N = 10_000;
  private static final int DIM = 64;
  private static final int QUERIES = 100;
  private static final int K = 10;

  @Test
  void recallAtTenAgainstExactSearchIsAtLeast95Percent() throws Exception {
    Random random = new Random(20240611);
    float[][] all = TestVectors.embeddingLike(random, N + QUERIES, DIM, 16);
    float[][] data = Arrays.copyOf(all, N);
    try (SessionIndex index =
        new LuceneIndexBackend(LuceneSettings.defaults()).open(IndexSpec.inMemory("m", DIM))) {
      for (int start = 0; start < N; start += 500) {
        List<Chunk> batch = new ArrayList<>();
        for (int i = start; i < start + 500; i++) {
          batch.add(new Chunk("d" + i / 100, null, i, "t", 0, 1, null, null, null, null));
        }
        index.add(batch, Arrays.copyOfRange(data, start, start + 500));
      }

      int found = 0;
      for (int q = N; q < N + QUERIES; q++) {
        float[] query = all[q];
        Set<Integer> exact = new HashSet<>();
        IntStream.range(0, N)
            .boxed()
            .sorted(Comparator.comparingDouble(i -> -TestVectors.dot(query, data[i])))
            .limit(K)
            .forEach(exact::add);
        for (ScoredChunk hit : index.vectorSearch(query, K)) {
          if (exact.contains(hit.chunk().position())) {
            found++;
          }
        }
      }

      assertThat(found / (double) (QUERIES * K)).isGreaterThanOrEqualTo(0.95);
    }
  }
}

package io.cogentx.plugins.index.exact;

import static io.cogentx.spi.contract.TestVectors.gaussianUnit;
import static org.assertj.core.api.Assertions.assertThat;

import io.cogentx.spi.Chunk;
import io.cogentx.spi.IndexBackendProvider;
import io.cogentx.spi.contract.SessionIndexContract;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The SPI's contract, plus what only an exact backend promises: exact nearest neighbours. */
class ExactSessionIndexTest extends SessionIndexContract {

  @Override
  protected IndexBackendProvider provider() {
    return new ExactIndexBackendProvider();
  }

  @Test
  void vectorSearchIsExactAgainstADoublePrecisionReference() throws Exception {
    Random random = new Random(42);
    int n = 2_000;
    float[][] vectors = new float[n][];
    List<Chunk> chunks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      vectors[i] = gaussianUnit(random, DIM);
      chunks.add(chunk("d" + i, 0, "t"));
    }
    index.add(chunks, vectors);
    for (int q = 0; q < 20; q++) {
      float[] query = gaussianUnit(random, DIM);
      List<Integer> expected =
          IntStream.range(0, n)
              .boxed()
              .sorted(Comparator.comparingDouble(i -> -dotDouble(query, vectors[i])))
              .limit(10)
              .toList();
      List<Integer> actual =
          index.vectorSearch(query, 10).stream()
              .map(h -> Integer.parseInt(h.chunk().documentId().substring(1)))
              .toList();
      assertThat(actual).isEqualTo(expected);
    }
  }

  private static double dotDouble(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }
}

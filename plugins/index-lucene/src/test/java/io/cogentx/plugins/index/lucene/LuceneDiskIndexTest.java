package io.cogentx.plugins.index.lucene;

import static io.cogentx.spi.contract.TestVectors.nearAxis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cogentx.spi.Chunk;
import io.cogentx.spi.IndexSpec;
import io.cogentx.spi.SessionIndex;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneDiskIndexTest {

  private static final int DIM = 8;

  @TempDir Path dir;

  private final LuceneIndexBackend backend = new LuceneIndexBackend(LuceneSettings.defaults());

  @Test
  void reopensAnIndexWithItsChunksAndSearches() throws Exception {
    Chunk a = new Chunk("a", "First", 0, "persistent aardvark", 0, 19, 2, null, null, null);
    Chunk b = new Chunk("b", "Second", 3, "volatile badger", 40, 55, null, 1.0, 2.5, null);
    try (SessionIndex index = backend.open(new IndexSpec("model", DIM, dir))) {
      index.add(List.of(a), new float[][] {nearAxis(DIM, 0, 0)});
      index.add(List.of(b), new float[][] {nearAxis(DIM, 4, 0)});
    }

    try (SessionIndex index = backend.open(new IndexSpec("model", DIM, dir))) {
      assertThat(index.size()).isEqualTo(2);
      assertThat(index.keywordSearch("aardvark", 5)).extracting(h -> h.chunk()).containsExactly(a);
      assertThat(index.vectorSearch(nearAxis(DIM, 4, 0), 1).get(0).chunk()).isEqualTo(b);
      assertThat(index.deleteDocument("a")).isEqualTo(1);
      index.add(
          List.of(new Chunk("c", null, 0, "added later", 0, 11, null, null, null, null)),
          new float[][] {nearAxis(DIM, 6, 0)});
    }

    try (SessionIndex index = backend.open(new IndexSpec("model", DIM, dir))) {
      assertThat(index.size()).isEqualTo(2);
      assertThat(index.keywordSearch("aardvark", 5)).isEmpty();
      assertThat(index.keywordSearch("later", 5)).hasSize(1);
    }
  }

  @Test
  void refusesToReopenAnIndexOfAnotherModelOrDimension() throws Exception {
    try (SessionIndex index = backend.open(new IndexSpec("model-a", DIM, dir))) {
      index.add(
          List.of(LuceneSessionIndexTest.chunk("a", 0, "t")), new float[][] {nearAxis(DIM, 0, 0)});
    }

    assertThatThrownBy(() -> backend.open(new IndexSpec("model-b", DIM, dir)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("model-a")
        .hasMessageContaining("model-b");
    assertThatThrownBy(() -> backend.open(new IndexSpec("model-a", DIM * 2, dir)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(String.valueOf(DIM))
        .hasMessageContaining(String.valueOf(DIM * 2));
    try (SessionIndex index = backend.open(new IndexSpec("model-a", DIM, dir))) {
      assertThat(index.size()).isEqualTo(1);
    }
  }

  @Test
  void ramBytesUsedOfADiskIndexLeavesOutTheMappedFiles() throws Exception {
    try (SessionIndex index = backend.open(new IndexSpec("model", DIM, dir))) {
      long empty = index.ramBytesUsed();
      index.add(
          List.of(LuceneSessionIndexTest.chunk("a", 0, "x ".repeat(50_000))),
          new float[][] {nearAxis(DIM, 0, 0)});

      assertThat(index.ramBytesUsed()).isLessThan(empty + 50_000);
    }
  }
}

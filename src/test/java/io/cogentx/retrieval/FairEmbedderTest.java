package io.cogentx.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cogentx.spi.Embedder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FairEmbedderTest {

  @Test
  void cutsWorkIntoBatchesAndKeepsOrder() {
    HashingEmbedder model = new HashingEmbedder("m", 16);
    FairEmbedder fair = new FairEmbedder(model, 2, 4, 10);
    List<String> texts = IntStream.range(0, 10).mapToObj(i -> "text number " + i).toList();

    float[][] vectors = fair.embed(texts);

    assertThat(model.calls).hasValue(3); // 4 + 4 + 2
    assertThat(vectors.length).isEqualTo(10);
    for (int i = 0; i < texts.size(); i++) {
      assertThat(vectors[i]).containsExactly(model.embed(List.of(texts.get(i)))[0]);
    }
  }

  @Test
  void aQueryIsEmbeddedByTheModelsQueryEncoderInTheSameQueue() {
    HashingEmbedder model =
        new HashingEmbedder("m", 16) {
          @Override
          public float[] embedQuery(String query) {
            return embed("instruction words " + query);
          }
        };
    FairEmbedder fair = new FairEmbedder(model, 1, 4, 4);

    assertThat(fair.embedQuery("bees")).containsExactly(model.embedQuery("bees"));
    assertThat(fair.embedQuery("bees")).isNotEqualTo(fair.embed("bees"));
  }

  @Test
  void refusesNewWorkWhenTheQueueIsFull() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    Embedder blocking =
        new HashingEmbedder("m", 8) {
          @Override
          public float[][] embed(List<String> texts) {
            started.countDown();
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return super.embed(texts);
          }
        };
    FairEmbedder fair = new FairEmbedder(blocking, 1, 1, 1);
    List<Thread> threads = new ArrayList<>();
    threads.add(Thread.ofPlatform().start(() -> fair.embed("running")));
    started.await();
    threads.add(Thread.ofPlatform().start(() -> fair.embed("waiting")));
    while (fair.waiting() < 1) {
      Thread.onSpinWait();
    }

    assertThatThrownBy(() -> fair.embed("one too many"))
        .isInstanceOf(FairEmbedder.EmbedderBusyException.class)
        .hasMessageContaining("retry");

    release.countDown();
    for (Thread t : threads) {
      t.join();
    }
    assertThat(fair.embed("after")).hasSize(8);
  }
}

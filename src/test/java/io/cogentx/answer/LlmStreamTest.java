package io.cogentx.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cogentx.spi.GenerationException;
import io.cogentx.spi.Generator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LlmStreamTest {

  private final ExecutorService pool = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  /** Sends "a", "b", then waits until interrupted (a stalled model), noting the interrupt. */
  private static final class Stalling implements Generator {
    final CountDownLatch interrupted = new CountDownLatch(1);

    @Override
    public String model() {
      return "m";
    }

    @Override
    public int contextTokens() {
      return 2048;
    }

    @Override
    public Generation generate(List<ChatMessage> messages, TokenSink sink)
        throws InterruptedException {
      sink.token("a");
      sink.token("b");
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        interrupted.countDown();
        throw e;
      }
      return new Generation("m", 1, 2);
    }
  }

  @Test
  void aSilentModelEndsTheStreamAndIsCancelled() throws Exception {
    Stalling model = new Stalling();
    LlmStream stream = LlmStream.start(model, List.of(), pool);
    stream.awaitFirst();

    assertThat(stream.next(Duration.ofSeconds(1))).isEqualTo(new LlmStream.Token("a"));
    assertThat(stream.next(Duration.ofSeconds(1))).isEqualTo(new LlmStream.Token("b"));
    LlmStream.Event silent = stream.next(Duration.ofMillis(200));

    assertThat(silent).isInstanceOf(LlmStream.Failed.class);
    assertThat(((LlmStream.Failed) silent).reason()).contains("sent nothing");
    assertThat(model.interrupted.await(5, TimeUnit.SECONDS)).as("worker interrupted").isTrue();
  }

  @Test
  void aModelThatCannotStartFailsAwaitingTheFirstPiece() {
    Generator refusing =
        new Generator() {
          @Override
          public String model() {
            return "m";
          }

          @Override
          public int contextTokens() {
            return 2048;
          }

          @Override
          public Generation generate(List<ChatMessage> messages, TokenSink sink)
              throws GenerationException {
            throw new GenerationException("Ollama is not reachable");
          }
        };
    LlmStream stream = LlmStream.start(refusing, List.of(), pool);
    assertThatThrownBy(stream::awaitFirst)
        .isInstanceOf(GenerationException.class)
        .hasMessage("Ollama is not reachable");
  }
}

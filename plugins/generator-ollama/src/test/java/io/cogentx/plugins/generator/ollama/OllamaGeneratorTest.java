package io.cogentx.plugins.generator.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cogentx.spi.GenerationException;
import io.cogentx.spi.Generator;
import io.cogentx.spi.Generator.ChatMessage;
import io.cogentx.spi.Generator.Generation;
import io.cogentx.spi.GeneratorProvider;
import io.cogentx.spi.PluginContext;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Ollama client against a loopback double speaking Ollama's streaming protocol. */
class OllamaGeneratorTest {

  private static final List<ChatMessage> MESSAGES =
      List.of(
          new ChatMessage("system", "Answer from the sources only."),
          new ChatMessage("user", "What replaced whale oil?"));

  private final OllamaDouble ollama = OllamaDouble.start(0);
  private final List<String> tokens = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    ollama.close();
  }

  private Generator generator(String baseUrl, String timeoutSeconds) throws Exception {
    for (GeneratorProvider p : ServiceLoader.load(GeneratorProvider.class)) {
      if (p.name().equals("ollama")) {
        return p.create(
            PluginContext.of(
                Map.of(
                    "OLLAMA_BASE_URL",
                    baseUrl,
                    "OLLAMA_MODEL",
                    "llama2",
                    "OLLAMA_NUM_CTX",
                    "2048",
                    "OLLAMA_TIMEOUT_SECONDS",
                    timeoutSeconds)));
      }
    }
    throw new AssertionError("no generator named ollama found by ServiceLoader");
  }

  @Test
  void streamsThePiecesInOrderAndReportsTokenCounts() throws Exception {
    ollama.reply("Paraffin replaced whale oil [1] in the nineteenth century.");
    try (Generator g = generator(ollama.baseUrl(), "5")) {
      Generation done = g.generate(MESSAGES, tokens::add);

      assertThat(String.join("", tokens))
          .isEqualTo("Paraffin replaced whale oil [1] in the nineteenth century.");
      assertThat(tokens).hasSize(9);
      assertThat(done.model()).isEqualTo("llama2");
      assertThat(done.completionTokens()).isEqualTo(9);
      assertThat(done.promptTokens()).isPositive();
      assertThat(g.contextTokens()).isEqualTo(2048);
    }
    JsonObject sent = Json.createReader(new StringReader(ollama.chatBodies().get(0))).readObject();
    assertThat(sent.getString("model")).isEqualTo("llama2");
    assertThat(sent.getBoolean("stream")).isTrue();
    assertThat(sent.getJsonObject("options").getInt("num_ctx")).isEqualTo(2048);
    assertThat(sent.getJsonArray("messages")).hasSize(2);
    assertThat(sent.getJsonArray("messages").getJsonObject(1).getString("content"))
        .isEqualTo("What replaced whale oil?");
  }

  @Test
  void piecesReachTheSinkWhileTheModelIsStillWriting() throws Exception {
    ollama.reply("one two three").mode(OllamaDouble.Mode.HOLD);
    CompletableFuture<String> firstSeen = new CompletableFuture<>();
    try (Generator g = generator(ollama.baseUrl(), "5")) {
      CompletableFuture<Generation> done =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return g.generate(
                      MESSAGES,
                      t -> {
                        tokens.add(t);
                        firstSeen.complete(t);
                      });
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      assertThat(firstSeen.get(5, TimeUnit.SECONDS)).isEqualTo("one");
      assertThat(ollama.lastFinished()).as("the double is still holding the rest").isNull();
      ollama.release();
      assertThat(done.get(5, TimeUnit.SECONDS).completionTokens()).isEqualTo(3);
      assertThat(String.join("", tokens)).isEqualTo("one two three");
    }
  }

  @Test
  void aServerErrorIsAGenerationFailureWithOllamasReason() throws Exception {
    ollama.mode(OllamaDouble.Mode.ERROR);
    try (Generator g = generator(ollama.baseUrl(), "5")) {
      assertThatThrownBy(() -> g.generate(MESSAGES, tokens::add))
          .isInstanceOf(GenerationException.class)
          .hasMessageContaining("HTTP 500")
          .hasMessageContaining("llama runner process has terminated");
    }
    assertThat(tokens).isEmpty();
  }

  @Test
  void aDroppedConnectionFailsAfterThePiecesThatArrived() throws Exception {
    ollama.reply("one two three four").mode(OllamaDouble.Mode.DROP);
    try (Generator g = generator(ollama.baseUrl(), "5")) {
      assertThatThrownBy(() -> g.generate(MESSAGES, tokens::add))
          .isInstanceOf(GenerationException.class)
          .hasMessageContaining("broke");
    }
    assertThat(tokens).containsExactly("one", " two");
  }

  @Test
  void nothingListeningIsReportedAsUnreachable() throws Exception {
    int freePort;
    try (ServerSocket s = new ServerSocket(0)) {
      freePort = s.getLocalPort();
    }
    try (Generator g = generator("http://127.0.0.1:" + freePort, "2")) {
      assertThatThrownBy(() -> g.generate(MESSAGES, tokens::add))
          .isInstanceOf(GenerationException.class)
          .hasMessageContaining("not reachable");
    }
  }

  @Test
  void anInterruptStopsAStalledStreamPromptly() throws Exception {
    ollama.reply("one two three").mode(OllamaDouble.Mode.HOLD);
    try (Generator g = generator(ollama.baseUrl(), "5")) {
      CompletableFuture<Thread> worker = new CompletableFuture<>();
      CompletableFuture<Throwable> ended = new CompletableFuture<>();
      Thread t =
          Thread.ofPlatform()
              .start(
                  () -> {
                    worker.complete(Thread.currentThread());
                    try {
                      g.generate(MESSAGES, tokens::add);
                      ended.complete(null);
                    } catch (Exception e) {
                      ended.complete(e);
                    }
                  });
      worker.get(5, TimeUnit.SECONDS);
      while (tokens.isEmpty()) {
        Thread.sleep(10);
      }
      long start = System.nanoTime();
      t.interrupt();
      Throwable failure = ended.get(5, TimeUnit.SECONDS);
      assertThat(failure).isInstanceOf(InterruptedException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    } catch (ExecutionException e) {
      throw new AssertionError(e);
    }
  }
}

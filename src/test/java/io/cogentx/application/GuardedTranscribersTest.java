package io.cogentx.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentException.Reason;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.PluginHealth;
import io.cogentx.spi.Progress;
import io.cogentx.spi.Segment;
import io.cogentx.spi.Transcriber;
import io.cogentx.spi.TranscriberProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;

/**
 * How transcribers are handed to plugins: remote ones through the fault-tolerance bean (here called
 * directly, as plain Java; the annotations act in the server, see AudioWhisperIT), local ones not;
 * created and closed ones are told to the server.
 */
class GuardedTranscribersTest {

  static final Path WAV = Path.of("piece.wav");

  static final class Engine implements Transcriber, PluginHealth.Reporting {
    final boolean remote;
    DocumentException failure;
    int calls;
    boolean closed;

    Engine(boolean remote) {
      this.remote = remote;
    }

    @Override
    public boolean available() {
      return true;
    }

    @Override
    public boolean remote() {
      return remote;
    }

    @Override
    public String model() {
      return "m";
    }

    @Override
    public List<Segment> transcribe(Path wav, Progress progress) throws DocumentException {
      calls++;
      if (failure != null) {
        throw failure;
      }
      return List.of(Segment.timed(0, 1, "hello"));
    }

    @Override
    public PluginHealth health() {
      return PluginHealth.degraded("far away", Map.of());
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  /** Counts the calls that went through fault tolerance. */
  static final class CountingCalls extends TranscriberCalls {
    int guarded;
    RuntimeException thrown;

    @Override
    public List<Segment> transcribe(Transcriber t, Path wav, Progress progress)
        throws Unavailable, DocumentException {
      guarded++;
      if (thrown != null) {
        throw thrown;
      }
      return super.transcribe(t, wav, progress);
    }
  }

  final CountingCalls calls = new CountingCalls();
  final List<Object> created = new ArrayList<>();
  final List<Object> closed = new ArrayList<>();

  Transcriber handOut(Engine engine) throws Exception {
    TranscriberProvider provider =
        new TranscriberProvider() {
          @Override
          public String name() {
            return "engine";
          }

          @Override
          public Transcriber create(PluginContext context) {
            return engine;
          }
        };
    return GuardedTranscribers.guard(provider, calls, (p, t) -> created.add(t), closed::add)
        .create(PluginContext.of(Map.of()));
  }

  @Test
  void remoteEnginesAreCalledThroughFaultToleranceLocalOnesDirectly() throws Exception {
    Transcriber remote = handOut(new Engine(true));
    Transcriber local = handOut(new Engine(false));

    assertThat(remote.transcribe(WAV, Progress.NONE)).hasSize(1);
    assertThat(local.transcribe(WAV, Progress.NONE)).hasSize(1);

    assertThat(calls.guarded).isEqualTo(1);
    assertThat(remote.remote()).isTrue();
    assertThat(remote.model()).isEqualTo("m");
  }

  @Test
  void anUnavailableServiceIsWhatRetryAndBreakerCountAndReachesTheLoaderAsItWas() throws Exception {
    Engine engine = new Engine(true);
    engine.failure = new DocumentException(Reason.UNAVAILABLE, "The Whisper server is down.");
    assertThatThrownBy(() -> calls.transcribe(engine, WAV, Progress.NONE))
        .isInstanceOf(TranscriberCalls.Unavailable.class);

    assertThatThrownBy(() -> handOut(engine).transcribe(WAV, Progress.NONE))
        .isSameAs(engine.failure);
  }

  @Test
  void audioTheServiceRefusesIsNotAFailureOfTheService() throws Exception {
    Engine engine = new Engine(true);
    engine.failure = new DocumentException(Reason.DAMAGED, "not audio");
    assertThatThrownBy(() -> calls.transcribe(engine, WAV, Progress.NONE)).isSameAs(engine.failure);
  }

  @Test
  void anOpenBreakerIsAServiceUnavailableWithAReason() throws Exception {
    calls.thrown = new CircuitBreakerOpenException("open");
    assertThatThrownBy(() -> handOut(new Engine(true)).transcribe(WAV, Progress.NONE))
        .isInstanceOfSatisfying(
            DocumentException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
              assertThat(e.getMessage()).contains("not called for a while");
            });
  }

  @Test
  void theServerKnowsWhatIsCreatedAndClosedAndSeesTheEnginesHealth() throws Exception {
    Engine engine = new Engine(true);
    Transcriber handed = handOut(engine);

    assertThat(created).containsExactly(engine);
    assertThat(((PluginHealth.Reporting) handed).health().message()).isEqualTo("far away");
    handed.close();
    assertThat(engine.closed).isTrue();
    assertThat(closed).containsExactly(engine);
  }
}

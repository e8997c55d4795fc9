package io.cogentx.application;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.PluginHealth;
import io.cogentx.spi.Progress;
import io.cogentx.spi.Segment;
import io.cogentx.spi.Setting;
import io.cogentx.spi.Transcriber;
import io.cogentx.spi.TranscriberProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Transcriber providers as the server hands them to other plugins (an audio loader finds them with
 * {@link PluginContext#providers(Class)}): what they create is known to the server while it lives
 * (its health in readiness and {@code /api/v1/plugins}, closed at the end), and a remote one is
 * called through {@link TranscriberCalls}, MicroProfile Fault Tolerance. Plain Java: the wiring
 * hands in the calls and what to do on create and close.
 */
final class GuardedTranscribers {

  private GuardedTranscribers() {}

  /**
   * @param created told of each transcriber created (the provider and the plugin itself)
   * @param closed told when one is closed
   */
  static TranscriberProvider guard(
      TranscriberProvider provider,
      TranscriberCalls calls,
      BiConsumer<TranscriberProvider, Transcriber> created,
      Consumer<Transcriber> closed) {
    return new TranscriberProvider() {
      @Override
      public String name() {
        return provider.name();
      }

      @Override
      public String version() {
        return provider.version();
      }

      @Override
      public List<Setting> settings() {
        return provider.settings();
      }

      @Override
      public Transcriber create(PluginContext context) throws Exception {
        Transcriber transcriber = provider.create(context);
        created.accept(provider, transcriber);
        return new Guarded(transcriber, calls, closed);
      }

      @Override
      public String toString() {
        return provider.toString();
      }
    };
  }

  /**
   * A transcriber whose remote calls go through fault tolerance; it tells its engine's health (UP
   * without a message when the engine reports none).
   */
  static final class Guarded implements Transcriber, PluginHealth.Reporting {
    private final Transcriber delegate;
    private final TranscriberCalls calls;
    private final Consumer<Transcriber> closed;

    Guarded(Transcriber delegate, TranscriberCalls calls, Consumer<Transcriber> closed) {
      this.delegate = delegate;
      this.calls = calls;
      this.closed = closed;
    }

    @Override
    public boolean available() {
      return delegate.available();
    }

    @Override
    public String model() {
      return delegate.model();
    }

    @Override
    public boolean remote() {
      return delegate.remote();
    }

    @Override
    public List<Segment> transcribe(Path wav16kMono, Progress progress) throws DocumentException {
      if (!delegate.remote()) {
        return delegate.transcribe(wav16kMono, progress);
      }
      try {
        return calls.transcribe(delegate, wav16kMono, progress);
      } catch (TranscriberCalls.Unavailable e) {
        throw e.reason();
      } catch (CircuitBreakerOpenException e) {
        throw new DocumentException(
            DocumentException.Reason.UNAVAILABLE,
            "The speech-recognition service failed repeatedly, so it is not called for a while;"
                + " upload the recording again in a minute.",
            e);
      } catch (TimeoutException e) {
        throw new DocumentException(
            DocumentException.Reason.UNAVAILABLE,
            "The speech-recognition service took too long for one part of the recording"
                + " (TRANSCRIBER_TIMEOUT_SECONDS); try again later.",
            e);
      } catch (FaultToleranceException e) {
        throw new DocumentException(
            DocumentException.Reason.UNAVAILABLE,
            "The speech-recognition service could not be called; try again later.",
            e);
      }
    }

    @Override
    public PluginHealth health() {
      return delegate instanceof PluginHealth.Reporting reporting
          ? reporting.health()
          : PluginHealth.up("", Map.of());
    }

    @Override
    public void close() {
      try {
        delegate.close();
      } finally {
        closed.accept(delegate);
      }
    }

    @Override
    public String toString() {
      return delegate.toString();
    }
  }
}

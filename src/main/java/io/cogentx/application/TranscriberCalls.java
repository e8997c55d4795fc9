package io.cogentx.application;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.Progress;
import io.cogentx.spi.Segment;
import io.cogentx.spi.Transcriber;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The call to a remote speech-recognition service (a {@link Transcriber} whose {@link
 * Transcriber#remote()} is true), behind MicroProfile Fault Tolerance, as {@link GeneratorCalls}
 * guards the model: {@code @Timeout} bounds one piece of audio ({@code
 * TRANSCRIBER_TIMEOUT_SECONDS}), {@code @Retry} tries twice more after a pause when the service was
 * unavailable (not after a timeout, not for audio it refused), and {@code @CircuitBreaker} stops
 * calling a service that keeps failing for {@code TRANSCRIBER_BREAKER_DELAY_SECONDS}. Audio the
 * service rejects is not a failure of the service: it neither retries nor opens the breaker. Values
 * in microprofile-config.properties override the annotations' defaults. Plugins are plain jars
 * without CDI, so the server wraps the transcribers it hands out ({@link GuardedTranscribers}).
 */
@ApplicationScoped
public class TranscriberCalls {

  /** The service was unavailable: what the retry and the circuit breaker count. */
  public static final class Unavailable extends Exception {
    private static final long serialVersionUID = 1L;

    Unavailable(DocumentException cause) {
      super(cause.getMessage(), cause);
    }

    DocumentException reason() {
      return (DocumentException) getCause();
    }
  }

  @Timeout(value = 600, unit = ChronoUnit.SECONDS)
  @Retry(
      maxRetries = 2,
      delay = 1000,
      jitter = 500,
      retryOn = Unavailable.class,
      abortOn = TimeoutException.class)
  @CircuitBreaker(
      requestVolumeThreshold = 6,
      failureRatio = 0.67,
      delay = 30,
      delayUnit = ChronoUnit.SECONDS,
      successThreshold = 1,
      failOn = {Unavailable.class, TimeoutException.class})
  public List<Segment> transcribe(Transcriber transcriber, Path wav, Progress progress)
      throws Unavailable, DocumentException {
    try {
      return transcriber.transcribe(wav, progress);
    } catch (DocumentException e) {
      if (e.reason() == DocumentException.Reason.UNAVAILABLE && !progress.cancelled()) {
        throw new Unavailable(e);
      }
      throw e;
    }
  }
}

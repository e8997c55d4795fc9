package io.cogentx.application;

import io.cogentx.answer.LlmStream;
import io.cogentx.spi.GenerationException;
import io.cogentx.spi.Generator;
import io.cogentx.spi.Generator.ChatMessage;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The remote call to the model, behind MicroProfile Fault Tolerance. What is guarded is
 * <em>starting</em> a reply: connecting and waiting for its first piece. {@code @Timeout} bounds
 * that wait ({@code LLM_TIMEOUT_SECONDS}), {@code @Retry} tries once more after a short pause when
 * the model could not start (not after a timeout), and {@code @CircuitBreaker} stops calling a
 * model that keeps failing for {@code LLM_BREAKER_DELAY_SECONDS}; the caller answers extractively
 * whenever this throws. The pieces after the first are read from the returned stream, which has its
 * own idle timeout (a stalled stream is ended, never left hanging). Values in
 * microprofile-config.properties override the annotations' defaults.
 */
@ApplicationScoped
public class GeneratorCalls {

  @Resource ManagedExecutorService executor;

  @Timeout(value = 30, unit = ChronoUnit.SECONDS)
  @Retry(
      maxRetries = 1,
      delay = 200,
      jitter = 100,
      retryOn = GenerationException.class,
      abortOn = {InterruptedException.class, TimeoutException.class})
  @CircuitBreaker(
      requestVolumeThreshold = 4,
      failureRatio = 0.5,
      delay = 30,
      delayUnit = ChronoUnit.SECONDS,
      successThreshold = 1)
  public LlmStream open(Generator generator, List<ChatMessage> messages)
      throws GenerationException, InterruptedException {
    LlmStream stream = LlmStream.start(generator, messages, executor);
    try {
      stream.awaitFirst();
      return stream;
    } catch (GenerationException | InterruptedException | RuntimeException e) {
      stream.cancel();
      throw e;
    }
  }
}

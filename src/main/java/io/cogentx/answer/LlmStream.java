package io.cogentx.answer;

import io.cogentx.spi.GenerationException;
import io.cogentx.spi.Generator;
import io.cogentx.spi.Generator.ChatMessage;
import io.cogentx.spi.Generator.Generation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A reply being generated on a worker thread, read as a queue of events by whoever streams it to
 * the client. Reading never hangs: a model silent for longer than the timeout ends the stream with
 * a failure, and {@link #cancel()} interrupts the worker (which stops the HTTP exchange).
 */
public final class LlmStream {

  /** What the model did next. */
  public sealed interface Event permits Token, Finished, Failed {}

  public record Token(String text) implements Event {}

  public record Finished(Generation generation) implements Event {}

  public record Failed(String reason) implements Event {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final String model;
  private Future<?> task;
  private Event pending;

  private LlmStream(String model) {
    this.model = model;
  }

  public static LlmStream start(
      Generator generator, List<ChatMessage> messages, ExecutorService pool) {
    LlmStream stream = new LlmStream(generator.model());
    stream.task =
        pool.submit(
            () -> {
              try {
                Generation done =
                    generator.generate(messages, t -> stream.events.add(new Token(t)));
                stream.events.add(new Finished(done));
              } catch (GenerationException e) {
                stream.events.add(new Failed(e.getMessage()));
              } catch (InterruptedException e) {
                stream.events.add(new Failed("The answer was cancelled."));
              } catch (RuntimeException e) {
                stream.events.add(new Failed("The generator failed: " + e.getClass().getName()));
              }
            });
    return stream;
  }

  public String model() {
    return model;
  }

  /**
   * Waits for the first event and keeps it for {@link #next}; fails if it is a failure, so that a
   * model that cannot start is an exception the fault-tolerance policy sees.
   */
  public void awaitFirst() throws GenerationException, InterruptedException {
    Event first = events.take();
    if (first instanceof Failed failed) {
      throw new GenerationException(failed.reason());
    }
    pending = first;
  }

  /** The next event; a {@link Failed} one if none came within {@code idle}. */
  public Event next(Duration idle) throws InterruptedException {
    if (pending != null) {
      Event e = pending;
      pending = null;
      return e;
    }
    Event e = events.poll(idle.toMillis(), TimeUnit.MILLISECONDS);
    if (e == null) {
      cancel();
      return new Failed(
          "The model sent nothing for " + idle.toSeconds() + " s; the answer was stopped.");
    }
    return e;
  }

  public void cancel() {
    if (task != null) {
      task.cancel(true);
    }
  }
}

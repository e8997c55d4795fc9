package io.cogentx.api;

import io.cogentx.answer.AnswerEvents;
import io.cogentx.answer.AnswerListener;
import io.cogentx.problem.Problem;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes an answer as server-sent events: {@code sources}, {@code token}…, then {@code done} (or
 * {@code error} with a problem object), each sent and flushed as it happens; closes the stream at
 * the end. A client that went away shows as a failed send, which stops the answer.
 */
final class SseAnswerWriter implements AnswerListener {

  private static final long SEND_TIMEOUT_SECONDS = 30;

  private final SseEventSink sink;
  private final Sse sse;
  private final Jsonb json;
  private volatile boolean gone;

  SseAnswerWriter(SseEventSink sink, Sse sse, Jsonb json) {
    this.sink = sink;
    this.sse = sse;
    this.json = json;
  }

  @Override
  public void sources(AnswerEvents.Sources sources) {
    send("sources", json.toJson(sources));
  }

  @Override
  public void token(AnswerEvents.Token token) {
    send("token", json.toJson(token));
  }

  @Override
  public void done(AnswerEvents.Done done) {
    send("done", json.toJson(done));
    close();
  }

  @Override
  public void failed(Problem problem) {
    send("error", problem.toJson());
    close();
  }

  @Override
  public boolean cancelled() {
    return gone || sink.isClosed();
  }

  void close() {
    if (!sink.isClosed()) {
      sink.close();
    }
  }

  private void send(String name, String data) {
    if (cancelled()) {
      return;
    }
    try {
      sink.send(
              sse.newEventBuilder()
                  .name(name)
                  .mediaType(MediaType.APPLICATION_JSON_TYPE)
                  .data(String.class, data)
                  .build())
          .toCompletableFuture()
          .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException
        | CompletionException
        | TimeoutException
        | IllegalStateException e) {
      gone = true;
    } catch (InterruptedException e) {
      gone = true;
      Thread.currentThread().interrupt();
    }
  }
}

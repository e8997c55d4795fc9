package io.cogentx.answer;

import io.cogentx.problem.Problem;

/** Receives an answer as it is made, in order: sources, tokens, then done or failed. */
public interface AnswerListener {

  void sources(AnswerEvents.Sources sources);

  void token(AnswerEvents.Token token);

  void done(AnswerEvents.Done done);

  /** The answer broke off after it had started (e.g. the model's stream dropped). */
  void failed(Problem problem);

  /** True once the client has gone away: generation stops. */
  default boolean cancelled() {
    return false;
  }
}

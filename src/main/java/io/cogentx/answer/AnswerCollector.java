package io.cogentx.answer;

import io.cogentx.problem.Problem;

/** Keeps an answer's events, for the JSON reply. */
public final class AnswerCollector implements AnswerListener {

  private AnswerEvents.Sources sources;
  private AnswerEvents.Done done;
  private Problem failure;

  @Override
  public void sources(AnswerEvents.Sources sources) {
    this.sources = sources;
  }

  @Override
  public void token(AnswerEvents.Token token) {}

  @Override
  public void done(AnswerEvents.Done done) {
    this.done = done;
  }

  @Override
  public void failed(Problem problem) {
    this.failure = problem;
  }

  /** True if the answer broke off. */
  public boolean failed() {
    return failure != null || done == null;
  }

  public AnswerEvents.Reply reply() {
    return new AnswerEvents.Reply(
        done.answer(),
        Citations.cited(sources.sources(), done.citations()),
        sources.sources(),
        done.abstained(),
        done.backend(),
        done.model(),
        sources.indexing());
  }
}

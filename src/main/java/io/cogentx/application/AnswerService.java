package io.cogentx.application;

import io.cogentx.answer.AbstentionPolicy;
import io.cogentx.answer.AnswerEvents;
import io.cogentx.answer.AnswerListener;
import io.cogentx.answer.Citations;
import io.cogentx.answer.ExtractiveAnswerer;
import io.cogentx.answer.LlmStream;
import io.cogentx.answer.NotFoundReply;
import io.cogentx.answer.PromptBuilder;
import io.cogentx.answer.Question;
import io.cogentx.answer.Source;
import io.cogentx.plugin.PluginKind;
import io.cogentx.problem.Problem;
import io.cogentx.problem.ProblemType;
import io.cogentx.retrieval.KnowledgeBase;
import io.cogentx.retrieval.Retriever.Retrieval;
import io.cogentx.session.Session;
import io.cogentx.spi.Generator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.logging.Logger;

/**
 * Answers a question from the session's documents: retrieves passages (only this session's), says
 * "not found" when the evidence is too weak ({@link AbstentionPolicy}), otherwise streams the
 * model's answer through {@link GeneratorCalls}, or, when the model is off, unreachable, failing or
 * behind an open circuit breaker, the {@link ExtractiveAnswerer}'s. Every answer tells which
 * backend wrote it.
 */
@ApplicationScoped
public class AnswerService {

  private static final Logger LOG = Logger.getLogger(AnswerService.class.getName());

  @Inject DocumentService documents;
  @Inject AnswerSettings settings;
  @Inject GeneratorCalls calls;
  @Inject PluginRuntime plugins;

  private final ExtractiveAnswerer extractive = new ExtractiveAnswerer();
  private volatile Generator generator;
  private volatile boolean generatorFailed;

  /** A question with its passages found, before anything is answered. */
  public record Prepared(
      Session session,
      Question question,
      List<Source> sources,
      boolean abstain,
      long startNanos,
      long retrievalMs,
      KnowledgeBase.Indexing indexing) {}

  public Prepared prepare(Session session, Question question) throws IOException {
    long start = System.nanoTime();
    Retrieval retrieval =
        documents.retrieve(session, question.text(), question.k(), question.mode());
    boolean abstain =
        retrieval.hits().isEmpty()
            || settings
                .abstention()
                .abstains(AbstentionPolicy.evidence(question.text(), retrieval));
    return new Prepared(
        session,
        question,
        Source.number(retrieval.hits()),
        abstain,
        start,
        (System.nanoTime() - start) / 1_000_000,
        documents.indexing(session).orElse(null));
  }

  /** Answers through {@code listener}; with {@code extractiveOnly} the model is not asked. */
  public void answer(Prepared p, AnswerListener listener, boolean extractiveOnly) {
    Answering a = new Answering(p, listener);
    if (p.abstain()) {
      a.abstain();
    } else {
      Generator model = extractiveOnly ? null : generator();
      Opened opened = model == null ? null : open(p, model);
      if (opened != null) {
        a.stream(opened);
      } else {
        a.extractive();
      }
    }
    LOG.fine(
        () ->
            "Answered in session "
                + p.session().hash()
                + " by "
                + a.backend
                + ", "
                + p.sources().size()
                + " sources, abstained "
                + p.abstain());
  }

  /** A started reply and the sources its prompt gave the model. */
  private record Opened(LlmStream stream, List<Source> given) {}

  /** The model's stream, started; {@code null} if it cannot start (the caller answers itself). */
  private Opened open(Prepared p, Generator model) {
    PromptBuilder.Prompt prompt =
        new PromptBuilder(model.contextTokens(), settings.replyTokens())
            .build(p.question().text(), p.sources(), p.question().history());
    try {
      return new Opened(calls.open(model, prompt.messages()), prompt.sources());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (Exception e) {
      // GenerationException, TimeoutException, CircuitBreakerOpenException: answer extractively
      LOG.info(
          () ->
              "Model unavailable for session "
                  + p.session().hash()
                  + ", answering extractively: "
                  + e.getClass().getSimpleName()
                  + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
      return null;
    }
  }

  /** The configured generator, created on first use; null when answers are extractive. */
  Generator generator() {
    String name = settings.backend();
    if (name.equals(AnswerSettings.EXTRACTIVE) || generatorFailed) {
      return null;
    }
    Generator g = generator;
    if (g == null) {
      synchronized (this) {
        if (generator == null && !generatorFailed) {
          try {
            Generator created = plugins.create(PluginKind.GENERATOR, name);
            if (created.contextTokens() <= settings.replyTokens()) {
              created.close();
              throw new IllegalArgumentException(
                  "the model's context window ("
                      + created.contextTokens()
                      + " tokens) must be larger than ANSWER_MAX_TOKENS ("
                      + settings.replyTokens()
                      + ")");
            }
            generator = created;
          } catch (Exception e) {
            generatorFailed = true;
            LOG.severe("LLM_BACKEND=" + name + " cannot be used, answering extractively: " + e);
          }
        }
        g = generator;
      }
    }
    return g;
  }

  /** Creates the generator at start, so readiness reports its health from the first check. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    generator();
  }

  /** One answer being written. */
  private final class Answering {
    final Prepared p;
    final AnswerListener listener;
    final StringBuilder text = new StringBuilder();
    Long firstTokenMs;
    String backend = AnswerSettings.EXTRACTIVE;

    Answering(Prepared p, AnswerListener listener) {
      this.p = p;
      this.listener = listener;
    }

    void abstain() {
      listener.sources(new AnswerEvents.Sources(List.of(), true, backend, p.indexing()));
      token(AbstentionPolicy.NOT_FOUND);
      done(List.of(), true, AnswerSettings.EXTRACTIVE, new AnswerEvents.Usage(null, null));
    }

    void extractive() {
      ExtractiveAnswerer.Answer answer = extractive.answer(p.question().text(), p.sources());
      if (answer.parts().isEmpty()) {
        abstain();
        return;
      }
      listener.sources(new AnswerEvents.Sources(p.sources(), false, backend, p.indexing()));
      List<ExtractiveAnswerer.Part> parts = answer.parts();
      for (int i = 0; i < parts.size(); i++) {
        ExtractiveAnswerer.Part part = parts.get(i);
        token((i == 0 ? "" : " ") + part.text() + " [" + part.source() + "]");
      }
      done(
          Citations.in(text.toString(), p.sources().size()),
          false,
          AnswerSettings.EXTRACTIVE,
          new AnswerEvents.Usage(null, null));
    }

    void stream(Opened opened) {
      backend = settings.backend();
      LlmStream stream = opened.stream();
      listener.sources(new AnswerEvents.Sources(opened.given(), false, backend, p.indexing()));
      while (true) {
        if (listener.cancelled()) {
          stream.cancel();
          return;
        }
        LlmStream.Event event;
        try {
          event = stream.next(settings.timeout());
        } catch (InterruptedException e) {
          stream.cancel();
          Thread.currentThread().interrupt();
          listener.failed(broken("The server stopped the answer."));
          return;
        }
        switch (event) {
          case LlmStream.Token t -> token(t.text());
          case LlmStream.Finished f -> {
            // the model said the sources do not answer: an abstention, citing nothing
            boolean notFound = NotFoundReply.is(text.toString());
            done(
                notFound ? List.of() : Citations.in(text.toString(), opened.given().size()),
                notFound,
                stream.model(),
                new AnswerEvents.Usage(
                    f.generation().promptTokens(), f.generation().completionTokens()));
            return;
          }
          case LlmStream.Failed f -> {
            LOG.info(
                () -> "Model stream broke in session " + p.session().hash() + ": " + f.reason());
            listener.failed(broken(f.reason()));
            return;
          }
        }
      }
    }

    void token(String piece) {
      if (firstTokenMs == null) {
        firstTokenMs = elapsedMs();
      }
      text.append(piece);
      listener.token(new AnswerEvents.Token(piece));
    }

    void done(List<Integer> citations, boolean abstained, String model, AnswerEvents.Usage usage) {
      listener.done(
          new AnswerEvents.Done(
              text.toString(),
              citations,
              abstained,
              backend,
              model,
              new AnswerEvents.Timing(p.retrievalMs(), firstTokenMs, elapsedMs()),
              usage));
    }

    long elapsedMs() {
      return (System.nanoTime() - p.startNanos()) / 1_000_000;
    }
  }

  static Problem broken(String reason) {
    return ProblemType.GENERATION_FAILED.with(
        reason
            + " The answer is incomplete; ask again (it will be answered extractively if the"
            + " model stays unavailable).");
  }
}

package io.cogentx.api;

import io.cogentx.answer.AnswerCollector;
import io.cogentx.answer.AnswerEvents;
import io.cogentx.answer.Question;
import io.cogentx.answer.Turn;
import io.cogentx.application.AnswerService;
import io.cogentx.application.AnswerSettings;
import io.cogentx.application.RetrievalSettings;
import io.cogentx.problem.ProblemType;
import io.cogentx.retrieval.SearchMode;
import io.cogentx.session.Session;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Providers;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Questions answered from the caller's documents only: streamed as server-sent events with {@code
 * Accept: text/event-stream}, else one JSON reply. The work runs on a managed thread; this class
 * only checks the request.
 */
@Path("ask")
@SessionBound
@Tag(name = "Answers")
public class AskResource {

  /** A question; {@code k} defaults to 5, {@code mode} to hybrid, {@code history} to none. */
  public record AskRequest(String question, Integer k, String mode, List<Turn> history) {}

  private static final String QUESTION_USAGE =
      "Send {\"question\": \"...\"} with a non-empty question (optional: k, mode, history).";
  static final int MAX_TURN_CHARS = 8_000;
  private static final Set<String> ROLES = Set.of("user", "assistant");
  private static final Logger LOG = Logger.getLogger(AskResource.class.getName());

  @Inject CurrentSession current;
  @Inject AnswerService answers;
  @Inject AnswerSettings answerSettings;
  @Inject RetrievalSettings settings;
  @Resource ManagedExecutorService executor;
  @Context Providers providers;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  // a client that accepts anything (curl's */*, no Accept at all) gets the JSON reply: the stream
  // only for
  // those that ask for it
  @Produces(MediaType.SERVER_SENT_EVENTS + ";qs=0.5")
  @Operation(
      operationId = "askStreaming",
      summary = "Answer a question, streamed: events sources, token…, done (or error)")
  public void askStreaming(AskRequest request, @Context SseEventSink sink, @Context Sse sse)
      throws IOException {
    Question question = validate(request);
    Session session = current.get();
    AnswerService.Prepared prepared = answers.prepare(session, question);
    SseAnswerWriter writer = new SseAnswerWriter(sink, sse, jsonb());
    executor.execute(
        () -> {
          try {
            answers.answer(prepared, writer, false);
          } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Answer failed in session " + session.hash(), e);
            writer.failed(
                ProblemType.INTERNAL.with(
                    "Something went wrong while answering; please ask again."));
          } finally {
            writer.close();
          }
        });
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(operationId = "ask", summary = "Answer a question from this session's documents")
  public AnswerEvents.Reply ask(AskRequest request) throws IOException {
    AnswerService.Prepared prepared = answers.prepare(current.get(), validate(request));
    AnswerCollector reply = new AnswerCollector();
    answers.answer(prepared, reply, false);
    if (reply.failed()) {
      // nothing was sent yet: the model broke off, so answer without it
      reply = new AnswerCollector();
      answers.answer(prepared, reply, true);
    }
    return reply.reply();
  }

  private Jsonb jsonb() {
    return providers
        .getContextResolver(Jsonb.class, MediaType.APPLICATION_JSON_TYPE)
        .getContext(AnswerEvents.class);
  }

  Question validate(AskRequest request) {
    String text =
        RetrievalParameters.text(
            request == null ? null : request.question(), "question", QUESTION_USAGE);
    int k = RetrievalParameters.k(request.k(), settings.searchMaxK());
    SearchMode mode = RetrievalParameters.mode(request.mode());
    List<Turn> history = request.history() == null ? List.of() : request.history();
    if (history.size() > answerSettings.maxHistoryTurns()) {
      throw ProblemType.UNPROCESSABLE.exception(
          "history holds at most "
              + answerSettings.maxHistoryTurns()
              + " turns; send only the latest ones.");
    }
    List<Turn> turns = new ArrayList<>(history.size());
    for (Turn t : history) {
      if (t == null
          || t.role() == null
          || !ROLES.contains(t.role())
          || t.content() == null
          || t.content().length() > MAX_TURN_CHARS) {
        throw ProblemType.UNPROCESSABLE.exception(
            "Each history turn is {\"role\": \"user\" or \"assistant\", \"content\": \"...\"} with"
                + " at most "
                + MAX_TURN_CHARS
                + " characters.");
      }
      turns.add(t);
    }
    return new Question(text.strip(), k, mode, turns);
  }
}

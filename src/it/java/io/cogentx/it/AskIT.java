package io.cogentx.it;

import static io.cogentx.it.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.cogentx.plugins.generator.ollama.OllamaDouble;
import io.cogentx.plugins.generator.ollama.OllamaDouble.Mode;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code POST /api/v1/ask} on the real server, whose {@code OLLAMA_BASE_URL} points at the Ollama
 * protocol double of this JVM. Ordered: the circuit-breaker test comes last and waits for the
 * breaker to close again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AskIT {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String REPLY = "Paraffin replaced whale oil [1] in the nineteenth century.";

  @Test
  @Order(1)
  void tokensReachTheClientWhileTheModelIsStillWriting() throws Exception {
    OllamaDouble ollama = Ollama.fresh().reply(REPLY).mode(Mode.HOLD);
    String session = Api.newSession();
    String doc = Ask.addText(session, "Lighthouse keeping", Ask.LIGHTHOUSE);

    try (EventStream events =
        EventStream.post("/api/v1/ask", session, Ask.body("What replaced whale oil?"))) {
      assertThat(events.response().statusCode()).isEqualTo(200);
      assertThat(events.response().headers().firstValue("Content-Type"))
          .hasValueSatisfying(ct -> assertThat(ct).startsWith("text/event-stream"));
      assertThat(events.response().headers().firstValue(Api.SESSION)).contains(session);

      JsonObject sources = events.next(WAIT).json();
      assertThat(events.names()).containsExactly("sources");
      assertThat(sources.getString("backend")).isEqualTo("ollama");
      assertThat(sources.getBoolean("abstained")).isFalse();
      JsonObject first = sources.getJsonArray("sources").getJsonObject(0);
      assertThat(first.getInt("n")).isEqualTo(1);
      assertThat(first.getString("document_id")).isEqualTo(doc);
      assertThat(first.getString("title")).isEqualTo("Lighthouse keeping");
      assertThat(first.getString("text")).contains("paraffin");

      EventStream.Event token = events.next(WAIT);
      assertThat(token.name()).isEqualTo("token");
      assertThat(token.json().getString("text")).isEqualTo("Paraffin");
      // the double still holds the rest of the reply: the first piece was streamed, not buffered
      assertThat(ollama.lastFinished()).isNull();
      assertThat(events.remaining()).isEmpty();
      ollama.release();

      JsonObject done = events.until("done", WAIT).json();
      assertThat(ollama.lastFinished()).isBefore(Instant.now());
      assertThat(events.names()).hasSize(2 + OllamaDouble.pieces(REPLY).size() + 0);
      assertThat(done.getString("answer")).isEqualTo(REPLY);
      assertThat(done.getJsonArray("citations").getInt(0)).isEqualTo(1);
      assertThat(done.getJsonArray("citations")).hasSize(1);
      assertThat(done.getString("backend")).isEqualTo("ollama");
      assertThat(done.getString("model")).isEqualTo("llama2");
      assertThat(done.getBoolean("abstained")).isFalse();
      JsonObject timing = done.getJsonObject("timing");
      assertThat(timing.getInt("first_token_ms"))
          .isBetween(timing.getInt("retrieval_ms"), timing.getInt("total_ms"));
      assertThat(done.getJsonObject("usage").getInt("completion_tokens"))
          .isEqualTo(OllamaDouble.pieces(REPLY).size());
      assertThat(events.awaitEnd(WAIT)).as("the server closes the stream after done").isTrue();
    }
    // the model was given the question and this session's passage, restricted to the sources
    String prompt = ollama.chatBodies().get(ollama.chatBodies().size() - 1);
    assertThat(prompt)
        .contains(
            "What replaced whale oil?",
            "Whale oil was replaced by paraffin",
            "only the numbered sources",
            "\"num_ctx\"");
  }

  @Test
  @Order(2)
  void jsonReplyCarriesTheCitedSourcesThemselves() {
    Ollama.fresh().reply("Paraffin [1]; see also [2] and [9].");
    String session = Api.newSession();
    String doc = Ask.addText(session, "Lighthouse keeping", Ask.LIGHTHOUSE);
    Ask.addText(session, "Supply", "The supply boat brought paraffin and bread once a fortnight.");

    JsonObject reply = Ask.json(session, "What replaced whale oil as lighthouse fuel?");

    assertThat(reply.getString("answer")).isEqualTo("Paraffin [1]; see also [2] and [9].");
    assertThat(reply.getString("backend")).isEqualTo("ollama");
    assertThat(reply.getString("model")).isEqualTo("llama2");
    assertThat(reply.getBoolean("abstained")).isFalse();
    assertThat(reply.getJsonArray("sources")).hasSize(2);
    // [9] names no source and is not a citation
    assertThat(reply.getJsonArray("citations").getValuesAs(JsonObject.class))
        .extracting(c -> c.getInt("n"))
        .containsExactly(1, 2);
    assertThat(reply.getJsonArray("sources").getJsonObject(0).getString("document_id"))
        .isEqualTo(doc);
  }

  @Test
  @Order(3)
  void citationsAndThePromptHoldOnlyThisSessionsChunks() throws Exception {
    OllamaDouble ollama = Ollama.fresh().reply("The keeper was called so [1].");
    String mine = Api.newSession();
    String theirs = Api.newSession();
    String myDoc =
        Ask.addText(mine, "Keepers", "The keeper of the lighthouse was called qzmineaaaa.");
    Ask.addText(theirs, "Keepers", "The keeper of the lighthouse was called qztheirsbbbb.");
    String question = "What was the keeper of the lighthouse called?";

    try (EventStream events = EventStream.post("/api/v1/ask", mine, Ask.body(question))) {
      JsonObject sources = events.next(WAIT).json();
      assertThat(sources.getJsonArray("sources").getValuesAs(JsonObject.class))
          .isNotEmpty()
          .allSatisfy(s -> assertThat(s.getString("document_id")).isEqualTo(myDoc));
      events.until("done", WAIT);
      assertThat(events.seen().toString()).doesNotContain("qztheirsbbbb");
    }
    String prompt = ollama.chatBodies().get(ollama.chatBodies().size() - 1);
    assertThat(prompt).contains("qzmineaaaa").doesNotContain("qztheirsbbbb");

    JsonObject reply = Ask.json(theirs, question);
    assertThat(reply.toString()).contains("qztheirsbbbb").doesNotContain("qzmineaaaa", myDoc);
  }

  @Test
  @Order(4)
  void abstainsWithoutAskingTheModelOnAnEmptySessionOrAnUnrelatedQuestion() throws Exception {
    OllamaDouble ollama = Ollama.fresh();
    int calls = ollama.chatRequests();

    JsonObject empty = Ask.json(Api.newSession(), "What replaced whale oil?");
    assertThat(empty.getBoolean("abstained")).isTrue();
    assertThat(empty.getString("answer")).isEqualTo(Ask.NOT_FOUND);
    assertThat(empty.getJsonArray("sources")).isEmpty();
    assertThat(empty.getJsonArray("citations")).isEmpty();

    String session = Api.newSession();
    Ask.addText(session, "Lighthouse keeping", Ask.LIGHTHOUSE);
    try (EventStream events =
        EventStream.post(
            "/api/v1/ask", session, Ask.body("Who won the 1998 FIFA World Cup final in Paris?"))) {
      JsonObject sources = events.next(WAIT).json();
      assertThat(sources.getBoolean("abstained")).isTrue();
      JsonObject done = events.until("done", WAIT).json();
      assertThat(done.getBoolean("abstained")).isTrue();
      assertThat(done.getString("answer")).isEqualTo(Ask.NOT_FOUND);
      assertThat(done.getJsonArray("citations")).isEmpty();
    }
    assertThat(ollama.chatRequests()).as("no model call when abstaining").isEqualTo(calls);
  }

  @Test
  @Order(5)
  void aDroppedStreamEndsWithAnErrorEventAndJsonFallsBackToExtractive() throws Exception {
    Ollama.fresh().reply("Paraffin replaced whale oil [1] long ago.").mode(Mode.DROP);
    String session = Api.newSession();
    Ask.addText(session, "Lighthouse keeping", Ask.LIGHTHOUSE);

    try (EventStream events =
        EventStream.post("/api/v1/ask", session, Ask.body("What replaced whale oil?"))) {
      EventStream.Event error = events.until("error", WAIT);
      assertThat(events.names()).containsExactly("sources", "token", "token", "error");
      JsonObject problem = error.json();
      assertThat(problem.getInt("status")).isEqualTo(502);
      assertThat(problem.getString("type")).endsWith("generation-failed");
      assertThat(problem.getString("detail")).contains("broke").doesNotContain("Exception");
      assertThat(events.awaitEnd(WAIT)).as("the stream is closed after the error").isTrue();
    }

    JsonObject reply = Ask.json(session, "What replaced whale oil?");
    assertThat(reply.getString("backend")).isEqualTo("extractive");
    assertThat(reply.getString("model")).isEqualTo("extractive");
    assertThat(reply.getString("answer")).contains("paraffin").contains("[1]");
  }

  @Test
  @Order(6)
  void aStalledStreamIsEndedAndASilentModelTimesOutToExtractive() throws Exception {
    // the IT server waits OLLAMA_TIMEOUT_SECONDS=3 for the first piece and between pieces
    OllamaDouble ollama =
        Ollama.fresh().reply("Paraffin replaced whale oil.").delay(Duration.ofSeconds(6));
    String session = Api.newSession();
    Ask.addText(session, "Lighthouse keeping", Ask.LIGHTHOUSE);
    try (EventStream events =
        EventStream.post("/api/v1/ask", session, Ask.body("What replaced whale oil?"))) {
      JsonObject problem = events.until("error", WAIT).json();
      assertThat(events.names()).containsExactly("sources", "token", "error");
      assertThat(problem.getString("detail")).contains("sent nothing for 3 s");
      assertThat(events.awaitEnd(WAIT)).isTrue();
    }

    ollama.reset().firstDelay(Duration.ofSeconds(6));
    long start = System.nanoTime();
    JsonObject reply = Ask.json(session, "What replaced whale oil?");
    assertThat(reply.getString("backend")).isEqualTo("extractive");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
  }

  @Test
  @Order(7)
  void badQuestionsAreProblemsInBothModes() {
    String session = Api.newSession();
    List<String> bad =
        List.of(
            "{}",
            "{\"question\": \"   \"}",
            "{\"question\": " + Api.quote("why ".repeat(600)) + "}",
            "{\"question\": \"why?\", \"mode\": \"fuzzy\"}",
            "{\"question\": \"why?\", \"k\": 0}",
            "{\"question\": \"why?\", \"k\": 51}",
            "{\"question\": \"why?\", \"history\": [{\"role\": \"system\", \"content\": \"x\"}]}");
    for (String body : bad) {
      for (String accept : List.of("application/json", "text/event-stream")) {
        HttpResponse<String> r = post(session, body, accept);
        assertProblem(r, 422);
      }
    }
    assertProblem(post(session, "{\"question\": ", "text/event-stream"), 400);
    assertProblem(post("not-a-uuid", Ask.body("why?"), "text/event-stream"), 400);
  }

  @Test
  @Order(8)
  void historyReachesTheModelAfterTheSources() {
    OllamaDouble ollama = Ollama.fresh().reply("Once a fortnight [1].");
    String session = Api.newSession();
    Ask.addText(session, "Lighthouse keeping", Ask.LIGHTHOUSE);
    String body =
        "{\"question\": \"How often did the supply boat reach the rock?\", \"history\": ["
            + "{\"role\": \"user\", \"content\": \"Who trimmed the wicks?\"},"
            + "{\"role\": \"assistant\", \"content\": \"The keeper did [1].\"}]}";
    HttpResponse<String> r = post(session, body, "application/json");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String prompt = ollama.chatBodies().get(ollama.chatBodies().size() - 1);
    assertThat(prompt.indexOf("Who trimmed the wicks?"))
        .isGreaterThan(prompt.indexOf("Sources:"))
        .isLessThan(prompt.indexOf("How often did the supply boat reach the rock?"));
  }

  @Test
  @Order(8)
  void aClientThatAcceptsAnythingGetsOneJsonReply() {
    Ollama.fresh().reply("Once a fortnight [1].");
    String session = Api.newSession();
    Ask.addText(session, "Lighthouse keeping", Ask.LIGHTHOUSE);
    String body = "{\"question\": \"How often did the supply boat reach the rock?\"}";
    for (String accept : new String[] {"*/*", "application/json, text/event-stream"}) {
      HttpResponse<String> r = post(session, body, accept);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
      assertThat(Api.json(r).getString("answer")).contains("fortnight");
    }
  }

  @Test
  @Order(9)
  void aModelThatSaysTheDocumentsDoNotAnswerIsAnAbstention() throws Exception {
    OllamaDouble ollama = Ollama.fresh().reply(Ask.NOT_FOUND);
    String session = Api.newSession();
    Ask.addText(session, "Lighthouse keeping", Ask.LIGHTHOUSE);
    // on topic and worded like the document, so the server itself does not abstain: the model does
    String question = "What replaced whale oil in the lighthouse lamps?";

    try (EventStream events = EventStream.post("/api/v1/ask", session, Ask.body(question))) {
      JsonObject sources = events.next(WAIT).json();
      assertThat(sources.getBoolean("abstained")).isFalse();
      assertThat(sources.getString("backend")).isEqualTo("ollama");
      JsonObject done = events.until("done", WAIT).json();
      assertThat(done.getString("answer")).isEqualTo(Ask.NOT_FOUND);
      assertThat(done.getBoolean("abstained")).isTrue();
      assertThat(done.getJsonArray("citations")).isEmpty();
      assertThat(done.getString("backend")).isEqualTo("ollama");
    }
    // the prompt let the model say so, in the words the server recognises
    String prompt = ollama.chatBodies().get(ollama.chatBodies().size() - 1);
    assertThat(prompt).contains("reply with exactly this sentence and nothing else", Ask.NOT_FOUND);

    ollama.reply("I couldn't find this in your documents.");
    JsonObject reply = Ask.json(session, question);
    assertThat(reply.getBoolean("abstained")).isTrue();
    assertThat(reply.getJsonArray("citations")).isEmpty();
    assertThat(reply.getString("backend")).isEqualTo("ollama");

    // an answer that cites its source is not an abstention
    ollama.reply("Paraffin [1].");
    assertThat(Ask.json(session, question).getBoolean("abstained")).isFalse();
  }

  @Test
  @Order(10)
  void theBreakerOpensOnAFailingModelAndExtractiveAnswersUntilItRecovers() throws Exception {
    OllamaDouble ollama = Ollama.fresh();
    String session = Api.newSession();
    Ask.addText(session, "Lighthouse keeping", Ask.LIGHTHOUSE);
    // earlier failures (the timeout test) may still be in the breaker's window of 4 calls: start
    // from a closed breaker whose window holds successes only
    int successes = 0;
    Instant closing = Instant.now().plus(Duration.ofSeconds(30));
    while (successes < 4 && Instant.now().isBefore(closing)) {
      if (Ask.json(session, "What replaced whale oil?").getString("backend").equals("ollama")) {
        successes++;
      } else {
        successes = 0;
        Thread.sleep(500);
      }
    }
    assertThat(successes).as("the model answers four times in a row").isEqualTo(4);
    ollama.mode(Mode.ERROR);

    int before = ollama.chatRequests();
    for (int i = 0; i < 4; i++) {
      JsonObject reply = Ask.json(session, "What replaced whale oil?");
      assertThat(reply.getString("backend")).isEqualTo("extractive");
      assertThat(reply.getString("answer")).contains("paraffin");
    }
    int afterFailures = ollama.chatRequests();
    assertThat(afterFailures).as("the model was tried, with a retry").isGreaterThan(before + 1);

    // the model is back, but the breaker is open: no call is made
    ollama.reset();
    try (EventStream events =
        EventStream.post("/api/v1/ask", session, Ask.body("What replaced whale oil?"))) {
      assertThat(events.next(WAIT).json().getString("backend")).isEqualTo("extractive");
      JsonObject done = events.until("done", WAIT).json();
      assertThat(done.getString("answer")).contains("paraffin").contains("[1]");
      assertThat(done.getString("model")).isEqualTo("extractive");
    }
    assertThat(ollama.chatRequests())
        .as("breaker open: the model is not called")
        .isEqualTo(afterFailures);

    // after LLM_BREAKER_DELAY_SECONDS (3 s on the IT server) a trial call closes it again
    assertThat(backendWithin(session, Duration.ofSeconds(30))).isEqualTo("ollama");
  }

  /** Asks every half second until the model answers or the time is up; the last backend. */
  private static String backendWithin(String session, Duration limit) throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    String backend = Ask.json(session, "What replaced whale oil?").getString("backend");
    while (!backend.equals("ollama") && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
      backend = Ask.json(session, "What replaced whale oil?").getString("backend");
    }
    return backend;
  }

  private static HttpResponse<String> post(String session, String body, String accept) {
    return Api.send(
        Api.request("/api/v1/ask")
            .header("Content-Type", "application/json")
            .header("Accept", accept)
            .header(Api.SESSION, session)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }
}

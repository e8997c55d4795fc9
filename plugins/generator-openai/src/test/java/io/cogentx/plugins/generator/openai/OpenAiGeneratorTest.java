package io.cogentx.plugins.generator.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cogentx.spi.GenerationException;
import io.cogentx.spi.Generator;
import io.cogentx.spi.Generator.ChatMessage;
import io.cogentx.spi.GeneratorProvider;
import io.cogentx.spi.PluginContext;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAI-compatible client against a loopback server streaming {@code /v1/chat/completions} as
 * OpenAI does: {@code data:} events with {@code choices[0].delta.content}, a usage chunk, then
 * {@code data: [DONE]}.
 */
class OpenAiGeneratorTest {

  private static final List<ChatMessage> MESSAGES =
      List.of(new ChatMessage("user", "What replaced whale oil?"));

  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final List<String> tokens = new ArrayList<>();
  private volatile String mode = "normal";
  private final HttpServer server;

  OpenAiGeneratorTest() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
    server.createContext("/v1/chat/completions", this::completions);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void completions(HttpExchange exchange) throws IOException {
    requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
    if (mode.equals("unauthorized")) {
      byte[] body =
          "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}"
              .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(401, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
      return;
    }
    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    event(
        out,
        "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"qwen2.5\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}");
    for (String piece : List.of("Paraffin", " did", " [1]", ".")) {
      event(
          out,
          "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"qwen2.5\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
              + piece
              + "\"},\"finish_reason\":null}]}");
    }
    if (mode.equals("truncated")) {
      out.close();
      return;
    }
    event(
        out,
        "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"qwen2.5\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}");
    event(
        out,
        "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"qwen2.5\",\"choices\":[],\"usage\":{\"prompt_tokens\":31,\"completion_tokens\":4,\"total_tokens\":35}}");
    event(out, "[DONE]");
    out.close();
  }

  private static void event(OutputStream out, String data) throws IOException {
    out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private Generator generator(String key) throws Exception {
    for (GeneratorProvider p : ServiceLoader.load(GeneratorProvider.class)) {
      if (p.name().equals("openai")) {
        return p.create(
            PluginContext.of(
                Map.of(
                    "OPENAI_BASE_URL",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
                    "OPENAI_MODEL",
                    "qwen2.5",
                    "OPENAI_API_KEY",
                    key)));
      }
    }
    throw new AssertionError("no generator named openai found by ServiceLoader");
  }

  @Test
  void streamsDeltasAndReadsUsage() throws Exception {
    try (Generator g = generator("sk-test")) {
      Generator.Generation done = g.generate(MESSAGES, tokens::add);
      assertThat(tokens).containsExactly("Paraffin", " did", " [1]", ".");
      assertThat(done.model()).isEqualTo("qwen2.5");
      assertThat(done.promptTokens()).isEqualTo(31);
      assertThat(done.completionTokens()).isEqualTo(4);
    }
    assertThat(requests.get(0))
        .contains("\"stream\":true", "\"include_usage\":true", "\"model\":\"qwen2.5\"")
        .contains("What replaced whale oil?");
    assertThat(authorizations.get(0)).isEqualTo("Bearer sk-test");
  }

  @Test
  void noKeyMeansNoAuthorizationHeader() throws Exception {
    try (Generator g = generator("")) {
      g.generate(MESSAGES, tokens::add);
    }
    assertThat(authorizations.get(0)).isEqualTo("null");
  }

  @Test
  void anErrorAnswerCarriesTheServersMessage() throws Exception {
    mode = "unauthorized";
    try (Generator g = generator("wrong")) {
      assertThatThrownBy(() -> g.generate(MESSAGES, tokens::add))
          .isInstanceOf(GenerationException.class)
          .hasMessageContaining("HTTP 401")
          .hasMessageContaining("Incorrect API key provided");
    }
  }

  @Test
  void aStreamWithoutDoneIsIncomplete() throws Exception {
    mode = "truncated";
    try (Generator g = generator("")) {
      assertThatThrownBy(() -> g.generate(MESSAGES, tokens::add))
          .isInstanceOf(GenerationException.class)
          .hasMessageContaining("ended before [DONE]");
    }
    assertThat(tokens).hasSize(4);
  }
}

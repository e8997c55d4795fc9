package io.cogentx.plugins.generator.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OllamaModelsTest {

  private static final String TAGS =
      """
      {"models":[{"name":"llama2:latest","model":"llama2:latest","size":3826793677},
                 {"name":"qwen2.5:7b-instruct","model":"qwen2.5:7b-instruct"},
                 {"name":"registry.example.com/team/mistral:latest"}]}
      """;

  @Test
  void aModelWithoutATagIsItsLatestTag() {
    OllamaModels models = OllamaModels.parse(TAGS);

    assertThat(models.has("llama2")).isTrue();
    assertThat(models.has("llama2:latest")).isTrue();
    assertThat(models.has("LLaMA2")).isTrue();
    assertThat(models.has("registry.example.com/team/mistral")).isTrue();
  }

  @Test
  void anotherTagOrAnotherModelIsNotPulled() {
    OllamaModels models = OllamaModels.parse(TAGS);

    assertThat(models.has("llama2:13b")).isFalse();
    assertThat(models.has("qwen2.5")).isFalse();
    assertThat(models.has("qwen2.5:7b-instruct")).isTrue();
    assertThat(models.has("mistral")).isFalse();
  }

  @Test
  void aBodyThatIsNotATagListHoldsNoModels() {
    assertThat(OllamaModels.parse("<html>proxy error</html>").names()).isEmpty();
    assertThat(OllamaModels.parse("{\"models\":\"none\"}").names()).isEmpty();
    assertThat(OllamaModels.parse("[]").names()).isEmpty();
    assertThat(OllamaModels.parse("{\"models\":[]}").has("llama2")).isFalse();
  }
}

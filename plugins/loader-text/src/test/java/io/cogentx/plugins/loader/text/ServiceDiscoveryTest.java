package io.cogentx.plugins.loader.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.cogentx.spi.DocumentLoader;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ServiceDiscoveryTest {

  @Test
  void bothLoadersAreFoundByServiceLoader() {
    assertThat(ServiceLoader.load(DocumentLoader.class).stream().map(p -> p.get().name()))
        .contains("text", "markdown");
  }
}

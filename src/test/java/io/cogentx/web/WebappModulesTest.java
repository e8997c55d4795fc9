package io.cogentx.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The web UI's plain modules (event-stream parser, session id, formatting) under Node's built-in
 * test runner: {@code node --test src/test/js/}. The UI itself needs no Node; only these tests do.
 */
class WebappModulesTest {

  @Test
  void theModulesPassTheirNodeTests() throws Exception {
    Process probe;
    try {
      probe = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
    } catch (IOException absent) {
      probe = null;
    }
    Assumptions.assumeTrue(
        probe != null && probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0,
        "SKIPPED: node (18+) is not installed; the UI's modules were only tested in the browser ITs");

    Process node =
        new ProcessBuilder("node", "--test", "src/test/js/").redirectErrorStream(true).start();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(node.exitValue()).as(output).isZero();
    assertThat(output).contains("# fail 0").doesNotContain("# pass 0");
  }
}

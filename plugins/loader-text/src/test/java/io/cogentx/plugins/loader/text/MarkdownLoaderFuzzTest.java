package io.cogentx.plugins.loader.text;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cogentx.spi.DocumentException;
import io.cogentx.spi.contract.Loads;

/**
 * Coverage-guided fuzzing of the Markdown loader (front matter, tables, HTML blocks, nesting): any
 * bytes end in segments or a {@link DocumentException}, never another exception.
 */
class MarkdownLoaderFuzzTest {

  private final MarkdownLoader loader = new MarkdownLoader();

  @FuzzTest(maxDuration = "8s")
  void anyBytesAreMarkdownOrARefusal(byte[] bytes) {
    try {
      Loads.load(loader, FuzzInput.request(bytes, "fuzz.md", "text/markdown"));
    } catch (DocumentException expected) {
      // declared: empty, binary, undecodable
    }
  }
}

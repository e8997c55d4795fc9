package io.cogentx.plugins.loader.text;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cogentx.spi.DocumentException;
import io.cogentx.spi.contract.Loads;

/**
 * Coverage-guided fuzzing of the text loader's parse path (decoding: BOMs, UTF-8/16/32, legacy
 * charsets, binary signatures; paragraphs): any bytes end in segments or a {@link
 * DocumentException}, never another exception. Fuzzes for a few seconds in the build's {@code fuzz}
 * run (JAZZER_FUZZ=1), replays its corpus otherwise.
 */
class TextLoaderFuzzTest {

  private final TextLoader loader = new TextLoader();

  @FuzzTest(maxDuration = "8s")
  void anyBytesAreTextOrARefusal(byte[] bytes) {
    try {
      Loads.load(loader, FuzzInput.request(bytes, "fuzz.txt", "text/plain"));
    } catch (DocumentException expected) {
      // declared: empty, binary, undecodable
    }
  }
}

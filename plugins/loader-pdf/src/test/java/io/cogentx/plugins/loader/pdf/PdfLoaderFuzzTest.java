package io.cogentx.plugins.loader.pdf;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.LoadRequest;
import io.cogentx.spi.contract.Loads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Coverage-guided fuzzing of PDF opening and extraction (header check, strict then lenient parsing,
 * page text, reading order): any bytes end in segments or a {@link DocumentException}, never
 * another exception. The seed corpus (PdfLoaderFuzzTestInputs) holds small valid PDFs, so mutations
 * reach the parser's inner paths.
 */
class PdfLoaderFuzzTest {

  private static final DocumentLoader LOADER =
      SamplePdfs.loader(Map.of("PDF_EXTRACT_THREADS", "1", "OCR_ENGINE", "none"));
  private static Path file;

  @FuzzTest(maxDuration = "8s")
  void anyBytesArePagesOrARefusal(byte[] bytes) throws IOException {
    if (file == null) {
      file = Files.createTempFile("cogentx-fuzz-", ".pdf");
      file.toFile().deleteOnExit();
    }
    Files.write(file, bytes);
    try {
      Loads.load(LOADER, new LoadRequest(file, "fuzz.pdf", "application/pdf", Map.of()));
    } catch (DocumentException expected) {
      // declared: not a PDF, damaged, encrypted, empty, too large
    }
  }
}

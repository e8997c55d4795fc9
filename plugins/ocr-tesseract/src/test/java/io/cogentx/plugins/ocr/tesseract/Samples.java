package io.cogentx.plugins.ocr.tesseract;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cogentx.plugins.loader.pdf.PdfLoaderProvider;
import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.LoadRequest;
import io.cogentx.spi.LoadResult;
import io.cogentx.spi.OcrEngineProvider;
import io.cogentx.spi.PluginConfig;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.Segment;
import io.cogentx.spi.contract.Loads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The scanned sample PDFs (shared/data/pdf) and tesseract: tests skip when either is missing. */
final class Samples {

  private Samples() {}

  static Optional<Path> directory() {
    String property = System.getProperty("cogentx.pdf.data");
    String env = System.getenv("COGENTX_PDF_DATA");
    return Stream.of(
            property == null ? null : Path.of(property),
            env == null ? null : Path.of(env),
            Path.of("../../../shared/data/pdf"),
            Path.of("../shared/data/pdf"),
            Path.of("/work/shared/data/pdf"))
        .filter(p -> p != null && Files.isDirectory(p))
        .findFirst();
  }

  static Path file(String name) {
    Optional<Path> dir = directory();
    assumeTrue(
        dir.isPresent(),
        "shared/data/pdf not found (set -Dcogentx.pdf.data): skipping the OCR sample test");
    Path file = dir.get().resolve(name);
    assumeTrue(Files.isRegularFile(file), "sample " + file + " missing: skipping");
    return file;
  }

  static void assumeTesseract() {
    assumeTrue(
        new TesseractOcr("tesseract").available(),
        "tesseract is not on the PATH (install tesseract-ocr and tesseract-ocr-eng): skipping");
  }

  record Loaded(LoadResult result, List<Segment> segments, List<String> progress) {
    String text() {
      return segments.stream().map(Segment::text).collect(Collectors.joining("\n\n"));
    }
  }

  /** The PDF loader as the server creates it, with these OCR engines. */
  static DocumentLoader pdfLoader(OcrEngineProvider... engines) throws Exception {
    return new PdfLoaderProvider()
        .create(PluginContext.of(PluginConfig.of(Map.of()), List.of(engines)));
  }

  /** A tesseract engine running {@code command}. */
  static OcrEngineProvider tesseract(String command) {
    return new OcrEngineProvider() {
      @Override
      public String name() {
        return "tesseract";
      }

      @Override
      public io.cogentx.spi.OcrEngine create(PluginContext context) {
        return new TesseractOcr(command);
      }
    };
  }

  static Loaded load(DocumentLoader loader, Path file) throws DocumentException {
    Loads.Result loaded =
        Loads.load(
            loader,
            new LoadRequest(file, file.getFileName().toString(), "application/pdf", Map.of()));
    return new Loaded(loaded.result(), loaded.segments(), loaded.reports());
  }
}

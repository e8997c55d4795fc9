package io.cogentx.plugins.ocr.tesseract;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cogentx.plugins.loader.pdf.PdfLoader;
import io.cogentx.spi.DocumentException;
import io.cogentx.spi.LoadRequest;
import io.cogentx.spi.LoadResult;
import io.cogentx.spi.Segment;
import io.cogentx.spi.SegmentSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        new TesseractOcr().available(),
        "tesseract is not on the PATH (install tesseract-ocr and tesseract-ocr-eng): skipping");
  }

  record Loaded(LoadResult result, List<Segment> segments, List<String> progress) {
    String text() {
      return segments.stream().map(Segment::text).collect(Collectors.joining("\n\n"));
    }
  }

  static Loaded load(PdfLoader loader, Path file) throws DocumentException, IOException {
    List<Segment> segments = new ArrayList<>();
    List<String> progress = new ArrayList<>();
    SegmentSink sink =
        new SegmentSink() {
          @Override
          public void accept(Segment segment) {
            segments.add(segment);
          }

          @Override
          public void progress(String stage, int done, int total) {
            progress.add(stage + " " + done + "/" + total);
          }
        };
    try (InputStream in = Files.newInputStream(file)) {
      LoadResult result =
          loader.load(
              new LoadRequest(in, file.getFileName().toString(), "application/pdf", Map.of()),
              sink);
      return new Loaded(result, segments, progress);
    }
  }
}

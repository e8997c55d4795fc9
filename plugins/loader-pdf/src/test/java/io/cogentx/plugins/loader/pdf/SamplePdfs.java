package io.cogentx.plugins.loader.pdf;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.LoadRequest;
import io.cogentx.spi.LoadResult;
import io.cogentx.spi.OcrEngine;
import io.cogentx.spi.OcrEngineProvider;
import io.cogentx.spi.PluginConfig;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.Segment;
import io.cogentx.spi.contract.Loads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The evaluation PDFs in shared/data/pdf (see shared/data/SOURCES.md, section 2) and a way to load
 * them. Tests that need them are skipped with a message when the folder is absent.
 */
final class SamplePdfs {

  private SamplePdfs() {}

  /**
   * The folder, from {@code -Dcogentx.pdf.data}, {@code $COGENTX_PDF_DATA}, shared/ beside the
   * repository, or /work/shared.
   */
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

  /** The sample file, or the test is skipped (aborted) with a message saying what is missing. */
  static Path file(String name) {
    Optional<Path> dir = directory();
    assumeTrue(
        dir.isPresent(),
        "shared/data/pdf not found (set -Dcogentx.pdf.data): skipping the real-PDF test");
    Path file = dir.get().resolve(name);
    assumeTrue(Files.isRegularFile(file), "sample PDF " + file + " missing: skipping");
    return file;
  }

  /** What loading produced. */
  record Loaded(LoadResult result, List<Segment> segments, List<String> progress) {

    String text() {
      return segments.stream().map(Segment::text).collect(Collectors.joining("\n\n"));
    }

    /** The text with every run of whitespace as one space. */
    String flatText() {
      return flat(text());
    }

    String page(int page) {
      return segments.stream()
          .filter(s -> s.page() == page)
          .map(Segment::text)
          .collect(Collectors.joining("\n\n"));
    }
  }

  static String flat(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  static DocumentLoader loader(OcrEngine... engines) {
    return loader(Map.of(), engines);
  }

  /** The loader as the server creates it, with these settings and OCR engines named "fake". */
  static DocumentLoader loader(Map<String, String> settings, OcrEngine... engines) {
    List<OcrEngineProvider> providers = new ArrayList<>();
    for (OcrEngine engine : engines) {
      providers.add(
          new OcrEngineProvider() {
            @Override
            public String name() {
              return "fake";
            }

            @Override
            public OcrEngine create(PluginContext context) {
              return engine;
            }
          });
    }
    return new PdfLoaderProvider().create(PluginContext.of(PluginConfig.of(settings), providers));
  }

  static Loaded load(String name, Map<String, String> options) throws DocumentException {
    return load(loader(), file(name), options);
  }

  static Loaded load(String name) throws DocumentException {
    return load(name, Map.of());
  }

  static Loaded load(DocumentLoader loader, Path file, Map<String, String> options)
      throws DocumentException {
    Loads.Result loaded =
        Loads.load(
            loader,
            new LoadRequest(file, file.getFileName().toString(), "application/pdf", options));
    return new Loaded(loaded.result(), loaded.segments(), loaded.reports());
  }
}

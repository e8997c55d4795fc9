package io.cogentx.plugins.ocr.tesseract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cogentx.spi.DocumentLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * OCR quality on a real scan: linn.pdf (a JBIG2 two-column brochure without text layer) against its
 * ground-truth text, reference-text/linn.txt. Goal: character error rate at most 10 %.
 */
class LinnOcrAccuracyTest {

  @Test
  void characterErrorRateOnLinnIsAtMostTenPercent() throws Exception {
    Samples.assumeTesseract();
    Path pdf = Samples.file("linn.pdf");
    Path reference = pdf.resolveSibling("reference-text/linn.txt");
    assumeTrue(Files.isRegularFile(reference), "reference-text/linn.txt missing: skipping");

    DocumentLoader loader = Samples.pdfLoader(new TesseractOcrProvider());
    long start = System.nanoTime();
    Samples.Loaded loaded = Samples.load(loader, pdf);
    double seconds = (System.nanoTime() - start) / 1e9;

    double cer = CharacterErrorRate.of(loaded.text(), Files.readString(reference));
    System.out.printf("linn.pdf OCR: CER %.2f %%, %.1f s for 1 page%n", 100 * cer, seconds);
    assertThat(loaded.text()).contains("100 sequences contains 32 simultaneous, polyphonic tracks");
    assertThat(cer).isLessThanOrEqualTo(0.10);
  }

  @Test
  void errorRateCountsEditsPerReferenceCharacter() {
    assertThat(CharacterErrorRate.of("kitten", "sitting")).isEqualTo(3 / 7.0);
    assertThat(CharacterErrorRate.of("a  b\nc", "a b c")).isZero();
  }
}

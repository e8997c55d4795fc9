package io.cogentx.plugins.loader.office;

import static org.assertj.core.api.Assertions.assertThat;

import io.cogentx.spi.DocumentLoaderProvider;
import io.cogentx.spi.LoadRequest;
import io.cogentx.spi.Segment;
import io.cogentx.spi.contract.DocumentLoaderContract;
import io.cogentx.spi.contract.Loads;
import org.junit.jupiter.api.Test;

/** The SPI's loader contract on a real Word file, and what the loader declares. */
class OfficeLoaderContractTest extends DocumentLoaderContract {

  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  @Override
  protected DocumentLoaderProvider provider() {
    return new OfficeLoaderProvider();
  }

  @Override
  protected LoadRequest sample() {
    return Samples.request("summer-activities-duck-table.docx", DOCX);
  }

  @Override
  protected String samplePhrase() {
    return "After we had a good day of swimming in the lake, it’s important to eat something nice";
  }

  @Test
  void declaresTheOfficeAndWebFormatsButNoGenericOnes() {
    assertThat(loader.fileExtensions())
        .contains("docx", "xlsx", "pptx", "doc", "xls", "ppt", "odt", "ods", "odp", "rtf")
        .contains("html", "htm", "epub", "eml", "csv", "tsv");
    assertThat(loader.mediaTypes())
        .contains(DOCX, "application/x-tika-msoffice", "application/x-tika-ooxml", "text/csv")
        .doesNotContain("text/plain", "application/zip", "application/octet-stream");
    assertThat(provider().settings())
        .extracting(s -> s.name())
        .containsExactly(
            "OFFICE_MAX_CHARACTERS",
            "OFFICE_TIMEOUT_SECONDS",
            "OFFICE_MAX_COMPRESSION_RATIO",
            "OFFICE_MAX_ENTRY_MEGABYTES",
            "OFFICE_MAX_ATTACHMENT_DEPTH");
  }

  @Test
  void everySegmentOfTheSampleHasItsSectionAndTheTableRowsTheirHeader() throws Exception {
    Loads.Result loaded = Loads.load(loader, sample());
    assertThat(loaded.segments())
        .contains(
            Segment.at(
                "section Let’s eat",
                "Berries | Food: Blueberry, Strawberry, Cranberry | Calories per portion: 150"));
    assertThat(loaded.reports()).last().isEqualTo("extracting 3/3"); // untitled, two sections
  }
}

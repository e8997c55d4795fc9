package io.cogentx.plugins.loader.pdf;

import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.DocumentLoaderProvider;
import io.cogentx.spi.OcrEngineProvider;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.Setting;
import java.util.List;

/**
 * Loader {@code pdf}: text per page in reading order, passwords, damaged-file reasons, and OCR of
 * scanned pages through the OCR engine plugins installed ({@code OCR_ENGINE}).
 */
public final class PdfLoaderProvider implements DocumentLoaderProvider {

  @Override
  public String name() {
    return "pdf";
  }

  @Override
  public List<Setting> settings() {
    return PdfSettings.ALL;
  }

  @Override
  public DocumentLoader create(PluginContext context) {
    PdfSettings settings = PdfSettings.from(context.config());
    return new PdfLoader(
        settings,
        new OcrEngines(settings.ocrEngine(), context.providers(OcrEngineProvider.class), context));
  }
}

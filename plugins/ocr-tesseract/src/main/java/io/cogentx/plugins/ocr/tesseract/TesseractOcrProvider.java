package io.cogentx.plugins.ocr.tesseract;

import io.cogentx.spi.OcrEngine;
import io.cogentx.spi.OcrEngineProvider;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.Setting;
import java.util.List;

/**
 * OCR engine {@code tesseract}: the Tesseract 5 command on each scanned page, with a timeout per
 * page; unavailable when the command is missing.
 */
public final class TesseractOcrProvider implements OcrEngineProvider {

  static final Setting PATH =
      Setting.of(
          "TESSERACT_PATH",
          "tesseract",
          "The tesseract command: a path, or a name looked up on the PATH");

  @Override
  public String name() {
    return "tesseract";
  }

  @Override
  public List<Setting> settings() {
    return List.of(PATH);
  }

  @Override
  public OcrEngine create(PluginContext context) {
    return new TesseractOcr(context.config().get(PATH));
  }
}

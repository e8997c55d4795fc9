package io.cogentx.plugins.loader.pdf;

import io.cogentx.spi.OcrEngine;

/** An OCR engine with the name its provider gave it (shown in warnings). */
record NamedOcr(String name, OcrEngine engine) {}

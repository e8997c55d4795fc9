package io.cogentx.spi;

/**
 * Plugin kind: optical character recognition of scanned pages, used by loaders through {@link
 * PluginContext#providers(Class)}; {@link #name()} is what {@code OCR_ENGINE} names, e.g. {@code
 * tesseract}.
 */
public interface OcrEngineProvider extends PluginProvider<OcrEngine> {}

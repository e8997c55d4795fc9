package io.cogentx.plugins.loader.text;

import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.DocumentLoaderProvider;
import io.cogentx.spi.PluginContext;

/** Loader {@code text}: plain text, logs and CSV (see {@link TextLoader}). */
public final class TextLoaderProvider implements DocumentLoaderProvider {

  @Override
  public String name() {
    return "text";
  }

  @Override
  public DocumentLoader create(PluginContext context) {
    return new TextLoader();
  }
}

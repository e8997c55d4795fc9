package io.cogentx.plugins.loader.text;

import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.DocumentLoaderProvider;
import io.cogentx.spi.PluginContext;

/** Loader {@code markdown}: Markdown as readable text (see {@link MarkdownLoader}). */
public final class MarkdownLoaderProvider implements DocumentLoaderProvider {

  @Override
  public String name() {
    return "markdown";
  }

  @Override
  public DocumentLoader create(PluginContext context) {
    return new MarkdownLoader();
  }
}

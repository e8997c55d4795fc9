package io.cogentx.spi;

/** Plugin kind: document loaders, e.g. {@code pdf}; every installed one is used. */
public interface DocumentLoaderProvider extends PluginProvider<DocumentLoader> {}

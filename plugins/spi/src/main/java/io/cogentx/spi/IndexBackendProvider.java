package io.cogentx.spi;

/**
 * Plugin kind: index backends; {@link #name()} is what {@code VECTOR_BACKEND} names, e.g. {@code
 * lucene}.
 */
public interface IndexBackendProvider extends PluginProvider<IndexBackend> {}

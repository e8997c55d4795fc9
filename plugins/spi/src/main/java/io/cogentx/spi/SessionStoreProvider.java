package io.cogentx.spi;

/**
 * Plugin kind: session stores, where sessions and their documents are kept; {@link #name()} is what
 * {@code SESSION_STORE} names, e.g. {@code memory}, {@code disk} or {@code postgres}.
 */
public interface SessionStoreProvider extends PluginProvider<SessionStorage> {}

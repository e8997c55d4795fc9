package io.cogentx.spi;

/**
 * Creates per-session indexes; {@link #name()} is what {@code VECTOR_BACKEND} names, e.g. {@code
 * lucene}.
 */
public interface IndexBackend extends Plugin {

  SessionIndex open(IndexSpec spec) throws java.io.IOException;
}

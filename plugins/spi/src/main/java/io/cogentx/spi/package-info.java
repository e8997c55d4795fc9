/**
 * The plugin SPI: what document loaders, embedders, index backends, transcribers and answer
 * generators implement. Providers are found with {@link java.util.ServiceLoader} (a {@code
 * META-INF/services} entry per interface), each has a {@link Plugin#name()} by which configuration
 * picks it, and they depend on this package only.
 */
package io.cogentx.spi;

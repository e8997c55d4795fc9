package io.cogentx.spi;

/**
 * What every provider has: a stable name that configuration refers to, and a version for operators.
 */
public interface Plugin {

  /**
   * Name used in configuration and in {@code GET /api/v1/plugins}, e.g. {@code "pdf"} or {@code
   * "lucene"}.
   */
  String name();

  /**
   * The provider's version: by default its jar's {@code Implementation-Version}, or {@code "dev"}.
   */
  default String version() {
    String v = getClass().getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}

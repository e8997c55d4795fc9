package io.cogentx.it;

import io.cogentx.plugins.generator.ollama.OllamaDouble;

/**
 * The Ollama protocol double the IT server's {@code OLLAMA_BASE_URL} points at: started once in the
 * test JVM on {@code it.ollama.port} (server.pom.xml), shared by the tests that ask questions;
 * {@link #fresh()} hands it out reset to normal.
 */
final class Ollama {

  private static OllamaDouble instance;

  private Ollama() {}

  static synchronized OllamaDouble fresh() {
    if (instance == null) {
      instance = OllamaDouble.start(Integer.getInteger("it.ollama.port", 18090));
      Runtime.getRuntime().addShutdownHook(new Thread(instance::close));
    }
    return instance.reset();
  }
}

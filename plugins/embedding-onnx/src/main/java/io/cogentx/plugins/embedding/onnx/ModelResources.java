package io.cogentx.plugins.embedding.onnx;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;

/** Reads the model files from the class path (the langchain4j model jars, used as data). */
final class ModelResources {

  private ModelResources() {}

  static InputStream open(String resource) throws IOException {
    InputStream in = ModelResources.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new FileNotFoundException(
          "Class-path resource "
              + resource
              + " not found: its model jar is missing from the class path");
    }
    return in;
  }

  static byte[] readAll(String resource) throws IOException {
    try (InputStream in = open(resource)) {
      return in.readAllBytes();
    }
  }
}

package io.cogentx.spi;

/** A reply that could not be generated; the message says why, without the prompt. */
public class GenerationException extends Exception {

  private static final long serialVersionUID = 1L;

  public GenerationException(String message) {
    super(message);
  }

  public GenerationException(String message, Throwable cause) {
    super(message, cause);
  }
}

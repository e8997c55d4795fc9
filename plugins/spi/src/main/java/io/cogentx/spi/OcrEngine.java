package io.cogentx.spi;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

/** Optical character recognition of one rendered page. Implementations are thread-safe. */
public interface OcrEngine extends AutoCloseable {

  /** Whether the engine can run here (its program or model is installed); may be cached. */
  boolean available();

  /**
   * Recognises the text of one page.
   *
   * @param page the page rendered at {@link Options#dpi()} (grayscale)
   * @return the recognised text in reading order, possibly empty
   * @throws TimeoutException when recognition takes longer than {@link Options#timeout()}
   * @throws IOException when the engine fails
   */
  String recognize(BufferedImage page, Options options) throws IOException, TimeoutException;

  @Override
  default void close() {}

  /**
   * How to recognise one page.
   *
   * @param languages the engine's language codes, e.g. {@code eng}, {@code deu}
   * @param timeout the longest one page may take
   * @param dpi resolution the page was rendered at
   */
  record Options(List<String> languages, Duration timeout, int dpi) {

    public Options {
      languages = List.copyOf(languages);
      Objects.requireNonNull(timeout, "timeout");
      if (languages.isEmpty()) {
        throw new IllegalArgumentException("at least one language is needed");
      }
    }
  }
}

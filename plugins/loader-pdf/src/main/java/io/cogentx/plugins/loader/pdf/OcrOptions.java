package io.cogentx.plugins.loader.pdf;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to recognise one page.
 *
 * @param languages the engine's language codes, e.g. {@code eng}, {@code deu}
 * @param timeout the longest one page may take
 * @param dpi resolution the page was rendered at
 */
public record OcrOptions(List<String> languages, Duration timeout, int dpi) {

  public OcrOptions {
    languages = List.copyOf(languages);
    Objects.requireNonNull(timeout, "timeout");
    if (languages.isEmpty()) {
      throw new IllegalArgumentException("at least one language is needed");
    }
  }
}

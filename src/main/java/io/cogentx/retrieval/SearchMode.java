package io.cogentx.retrieval;

import java.util.Locale;
import java.util.Optional;

/**
 * How a query is matched: BM25 and vectors fused (the default), or either alone (for evaluation).
 */
public enum SearchMode {
  HYBRID,
  VECTOR,
  KEYWORD;

  /**
   * Parses {@code hybrid}, {@code vector} or {@code keyword} (any case); empty if it is none of
   * them.
   */
  public static Optional<SearchMode> parse(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    for (SearchMode mode : values()) {
      if (mode.name().equalsIgnoreCase(raw.strip())) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}

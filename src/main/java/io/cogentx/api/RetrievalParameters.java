package io.cogentx.api;

import io.cogentx.problem.ProblemType;
import io.cogentx.retrieval.SearchMode;

/** Checks of the parameters that search and ask share: the text, {@code k} and {@code mode}. */
final class RetrievalParameters {

  static final int DEFAULT_K = 5;
  static final int MAX_TEXT_CHARS = 2_000;

  private RetrievalParameters() {}

  /**
   * The query or question, refused when missing, blank or too long.
   *
   * @param name what the user calls it ("query", "question")
   * @param whenMissing what to send instead, for the error message
   */
  static String text(String value, String name, String whenMissing) {
    if (value == null || value.isBlank()) {
      throw ProblemType.UNPROCESSABLE.exception(whenMissing);
    }
    if (value.length() > MAX_TEXT_CHARS) {
      throw ProblemType.UNPROCESSABLE.exception(
          "The " + name + " is longer than " + MAX_TEXT_CHARS + " characters; shorten it.");
    }
    return value;
  }

  /** {@code k}, 5 when absent, refused outside 1..{@code max}. */
  static int k(Integer requested, int max) {
    int k = requested == null ? DEFAULT_K : requested;
    if (k < 1 || k > max) {
      throw ProblemType.UNPROCESSABLE.exception(
          "k must be between 1 and " + max + "; got " + k + ".");
    }
    return k;
  }

  /** The search mode, hybrid when absent. */
  static SearchMode mode(String requested) {
    if (requested == null) {
      return SearchMode.HYBRID;
    }
    return SearchMode.parse(requested)
        .orElseThrow(
            () ->
                ProblemType.UNPROCESSABLE.exception(
                    "mode must be one of hybrid, vector, keyword."));
  }
}

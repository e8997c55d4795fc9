package io.cogentx.retrieval;

/** A range {@code [start, end)} of a text. */
record Span(int start, int end) {

  Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }

  String of(String text) {
    return text.substring(start, end);
  }
}

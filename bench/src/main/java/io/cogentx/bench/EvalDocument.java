package io.cogentx.bench;

/** A document of an evaluation corpus: its id in the data set, a title and the text to index. */
record EvalDocument(String id, String title, String text) {}

/**
 * Answering, as plain Java: abstention, the extractive answerer, prompts for a model, the model's
 * stream, citations. Unit-tested without a server and used as is by the benchmarks; {@link
 * io.cogentx.application.AnswerService} puts it together.
 */
package io.cogentx.answer;

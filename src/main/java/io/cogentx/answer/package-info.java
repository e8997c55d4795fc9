/**
 * Answers: abstention, the extractive answerer, prompts for a model, citations, and the
 * fault-tolerant call to the generator plugin. Everything but {@link
 * io.cogentx.answer.AnswerService}, {@link io.cogentx.answer.GeneratorCalls} and {@link
 * io.cogentx.answer.AnswerSettings} is plain Java, unit-tested without a server and used as is by
 * the benchmarks.
 */
package io.cogentx.answer;

/**
 * Application services for documents and search: the plugins in use, the embedding model loaded at
 * start, and each session's {@link io.cogentx.retrieval.KnowledgeBase}. The JAX-RS resources call
 * these; the logic they orchestrate is in {@code io.cogentx.retrieval}.
 */
package io.cogentx.knowledge;

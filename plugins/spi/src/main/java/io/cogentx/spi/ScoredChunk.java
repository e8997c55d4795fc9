package io.cogentx.spi;

/**
 * A search hit: the chunk and the backend's score (higher is better; scales differ between
 * methods).
 */
public record ScoredChunk(Chunk chunk, float score) {}

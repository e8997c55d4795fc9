/**
 * Retrieval logic in plain Java (SPI and JDK only): cutting a document's segments into chunks sized
 * for the embedding model, and fusing keyword (BM25) and vector hits into one ranking.
 */
package io.cogentx.retrieval;

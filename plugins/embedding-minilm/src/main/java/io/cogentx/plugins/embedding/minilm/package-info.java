/**
 * all-MiniLM-L6-v2 sentence embeddings in process and offline: ONNX Runtime's Java API runs the
 * model, DJL's binding of the Hugging Face tokenizers library tokenises, and pooling happens in
 * Java. The model files come from langchain4j's model jars, read as class-path resources.
 */
package io.cogentx.plugins.embedding.minilm;

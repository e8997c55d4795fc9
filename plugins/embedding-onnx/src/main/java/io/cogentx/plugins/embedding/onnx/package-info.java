/**
 * Sentence embeddings in process and offline: ONNX Runtime's Java API runs the model, DJL's binding
 * of the Hugging Face tokenizers library tokenises, and pooling happens in Java. One code path
 * serves every {@link io.cogentx.plugins.embedding.onnx.OnnxModel} (all-MiniLM-L6-v2 and
 * bge-small-en-v1.5, each in fp32 and int8); the model files come from langchain4j's model jars,
 * read as class-path resources.
 */
package io.cogentx.plugins.embedding.onnx;

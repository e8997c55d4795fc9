/**
 * The {@code whisper-jni} transcriber: whisper.cpp in the server's JVM with a ggml model the
 * operator downloaded; model file and audio are checked in Java before the native code runs.
 */
package io.cogentx.plugins.transcriber.whisper.jni;

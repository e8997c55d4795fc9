/**
 * The {@code pocketsphinx} transcriber: CMU pocketsphinx ({@code pocketsphinx_continuous} from
 * Debian) on each piece of audio, the offline default that runs with nothing downloaded.
 */
package io.cogentx.plugins.transcriber.pocketsphinx;

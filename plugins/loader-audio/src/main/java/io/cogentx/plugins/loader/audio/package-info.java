/**
 * The {@code audio} loader: recordings and videos are probed with ffprobe, decoded by ffmpeg to 16
 * kHz mono PCM (silences found in the same pass), cut at silences into pieces, and each piece is
 * transcribed by a transcriber plugin; transcript segments keep their time ranges so answers cite
 * "02:13–02:41".
 */
package io.cogentx.plugins.loader.audio;

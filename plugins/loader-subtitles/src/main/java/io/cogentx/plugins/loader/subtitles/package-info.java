/**
 * The {@code subtitles} loader: the worked example of a drop-in plugin (docs/writing-a-plugin.md).
 * SubRip and WebVTT cues become timed segments, so citations name the time range.
 */
package io.cogentx.plugins.loader.subtitles;

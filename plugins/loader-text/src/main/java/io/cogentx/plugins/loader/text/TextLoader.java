package io.cogentx.plugins.loader.text;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.LoadRequest;
import io.cogentx.spi.LoadResult;
import io.cogentx.spi.Progress;
import io.cogentx.spi.SegmentSink;
import java.util.Set;

/**
 * Loader {@code text}: plain text, logs and CSV. One segment per paragraph (blank-line separated);
 * no title, so the server uses the file name. It names {@code text/plain} only: the server gives it
 * every kind of text no other loader names (CSV among them), so a loader that reads CSV as a table
 * takes CSV when it is installed.
 */
final class TextLoader implements DocumentLoader {

  @Override
  public Set<String> mediaTypes() {
    return Set.of("text/plain");
  }

  @Override
  public String progressUnit() {
    return "paragraph";
  }

  @Override
  public Set<String> fileExtensions() {
    return Set.of("txt", "text", "log", "csv");
  }

  @Override
  public LoadResult load(LoadRequest request, SegmentSink sink, Progress progress)
      throws DocumentException {
    TextDecoder.Decoded decoded = TextDecoder.decode(Bytes.readAll(request), request.fileName());
    Paragraphs.emit(Paragraphs.split(decoded.text()), sink, progress);
    return new LoadResult(null, decoded.warnings());
  }
}

package io.cogentx.plugins.loader.text;

import io.cogentx.spi.DocumentException;
import io.cogentx.spi.DocumentException.Reason;
import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.LoadRequest;
import io.cogentx.spi.LoadResult;
import io.cogentx.spi.Progress;
import io.cogentx.spi.SegmentSink;
import java.util.Set;

/**
 * Loader {@code markdown}: Markdown rendered to readable plain text, one segment per top-level
 * block (a heading travels with the block after it). The title is the first level-1 heading, else
 * the front matter's {@code title}, else {@code null}.
 */
final class MarkdownLoader implements DocumentLoader {

  @Override
  public Set<String> mediaTypes() {
    return Set.of("text/markdown", "text/x-markdown", "text/x-web-markdown");
  }

  @Override
  public String progressUnit() {
    return "block";
  }

  @Override
  public Set<String> fileExtensions() {
    return Set.of("md", "markdown");
  }

  @Override
  public LoadResult load(LoadRequest request, SegmentSink sink, Progress progress)
      throws DocumentException {
    TextDecoder.Decoded decoded = TextDecoder.decode(Bytes.readAll(request), request.fileName());
    MarkdownText.Rendered rendered = MarkdownText.render(decoded.text());
    if (rendered.blocks().isEmpty()) {
      throw new DocumentException(
          Reason.EMPTY,
          "This Markdown file has no text to index: it holds only markup, images or front matter.");
    }
    Paragraphs.emit(rendered.blocks(), sink, progress);
    return new LoadResult(rendered.title(), decoded.warnings());
  }
}

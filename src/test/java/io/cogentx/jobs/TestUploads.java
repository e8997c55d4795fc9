package io.cogentx.jobs;

import io.cogentx.retrieval.Loaders;
import io.cogentx.retrieval.Upload;
import io.cogentx.spi.DocumentLoader;
import io.cogentx.spi.LoadRequest;
import io.cogentx.spi.LoadResult;
import io.cogentx.spi.Progress;
import io.cogentx.spi.SegmentSink;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** Uploads for job tests: stored files with a loader that only says what its progress counts. */
final class TestUploads {

  private TestUploads() {}

  static Upload of(Path file, long bytes, String fileName, String mediaType, String unit) {
    DocumentLoader loader =
        new DocumentLoader() {
          @Override
          public Set<String> mediaTypes() {
            return Set.of(mediaType);
          }

          @Override
          public Set<String> fileExtensions() {
            return Set.of("x");
          }

          @Override
          public String progressUnit() {
            return unit;
          }

          @Override
          public LoadResult load(LoadRequest request, SegmentSink sink, Progress progress) {
            throw new UnsupportedOperationException("jobs tests ingest by themselves");
          }
        };
    return new Upload(
        file,
        bytes,
        fileName,
        new Loaders.Choice(new Loaders.Named("stub", loader), mediaType),
        null,
        Map.of());
  }
}

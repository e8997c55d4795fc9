package io.cogentx.plugins.index.lucene;

import io.cogentx.spi.IndexBackend;
import io.cogentx.spi.IndexSpec;
import io.cogentx.spi.SessionIndex;
import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.codecs.Codec;

/**
 * One Lucene index per session Lucene index per session with an HNSW graph for vector search and
 * BM25 over an English-analysed text field. In memory unless {@link IndexSpec#directory()} names a
 * folder, where an existing index is reopened.
 */
final class LuceneIndexBackend implements IndexBackend {

  private final LuceneSettings settings;
  private final Codec codec;

  LuceneIndexBackend(LuceneSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.codec = LuceneSessionIndex.codec(settings.vectorsFormat());
  }

  @Override
  public SessionIndex open(IndexSpec spec) throws IOException {
    return LuceneSessionIndex.open(Objects.requireNonNull(spec, "spec"), settings, codec);
  }
}

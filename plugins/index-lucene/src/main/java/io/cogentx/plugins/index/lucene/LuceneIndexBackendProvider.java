package io.cogentx.plugins.index.lucene;

import io.cogentx.spi.IndexBackend;
import io.cogentx.spi.IndexBackendProvider;
import io.cogentx.spi.PluginContext;
import io.cogentx.spi.Setting;
import java.util.List;

/**
 * Index backend {@code lucene}: one Lucene index per session with an HNSW graph for vector search
 * and BM25 over an English-analysed text field. In memory unless {@link
 * io.cogentx.spi.IndexSpec#directory()} names a folder, where an existing index is reopened.
 */
public final class LuceneIndexBackendProvider implements IndexBackendProvider {

  @Override
  public String name() {
    return "lucene";
  }

  @Override
  public List<Setting> settings() {
    return LuceneSettings.ALL;
  }

  @Override
  public IndexBackend create(PluginContext context) {
    return new LuceneIndexBackend(LuceneSettings.from(context.config()));
  }
}

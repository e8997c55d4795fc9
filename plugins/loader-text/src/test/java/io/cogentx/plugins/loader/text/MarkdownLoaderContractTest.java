package io.cogentx.plugins.loader.text;

import io.cogentx.spi.DocumentLoaderProvider;
import io.cogentx.spi.LoadRequest;
import io.cogentx.spi.contract.DocumentLoaderContract;
import io.cogentx.spi.contract.Loads;
import java.nio.charset.StandardCharsets;

class MarkdownLoaderContractTest extends DocumentLoaderContract {

  @Override
  protected DocumentLoaderProvider provider() {
    return new MarkdownLoaderProvider();
  }

  @Override
  protected LoadRequest sample() {
    String markdown =
        "# Field guide\n\nIntro text.\n\n## Birds\n\n- The **heron** waits in *shallow* water.\n"
            + "- Gulls follow boats.\n\n| bird | colour |\n|---|---|\n| heron | grey |\n";
    return Loads.request(markdown.getBytes(StandardCharsets.UTF_8), "guide.md", "text/markdown");
  }

  @Override
  protected String samplePhrase() {
    return "The heron waits in shallow water.";
  }
}
